# A JupyterHub configuration for a class using unlearn (docs/hub.md explains each part).
#
# tests/test_hub.py starts a real hub from this very file, so what the guide shows is what is
# tested. A site changes it through the UNLEARN_HUB_* environment variables below (or edits
# the defaults); every other line is meant as it stands.
#
#   UNLEARN_HUB_URL           where students connect (default http://127.0.0.1:8000; put a
#                             TLS-terminating proxy or TLJH's Traefik in front)
#   UNLEARN_HUB_API_URL       the hub's own API, for the proxy and the servers (:8081)
#   UNLEARN_HUB_PROXY_API     configurable-http-proxy's API (:8001)
#   UNLEARN_HUB_SHARED_CACHE  the read-only folder `unlearn data install` wrote (/srv/unlearn/cache)
#   UNLEARN_HUB_USERS         comma-separated accounts allowed in (each a Unix account)
#   UNLEARN_HUB_ADMINS        comma-separated instructors (may start and stop students' servers)
#   UNLEARN_HUB_PASSWORD      set only for a test hub: one shared password for every user
#   UNLEARN_HUB_PYTHON        the interpreter of the students' servers (default: the hub's own)
#   UNLEARN_HUB_SPAWNER_ENV   JSON object of extra variables for the students' servers
#
# Needs: pip install 'jupyterhub>=5.3' jupyterhub-idle-culler unlearn; npm install -g configurable-http-proxy.
# Run as root (LocalProcessSpawner starts each student's server as that student's Unix account):
#   jupyterhub -f docs/hub/jupyterhub_config.py

import json
import os
import sys

c = get_config()  # noqa: F821 (JupyterHub defines it when it loads this file)


def _names(variable: str) -> set[str]:
    return {name.strip() for name in os.environ.get(variable, "").split(",") if name.strip()}


# --- where the hub listens ---------------------------------------------------------------
c.JupyterHub.bind_url = os.environ.get("UNLEARN_HUB_URL", "http://127.0.0.1:8000")
c.JupyterHub.hub_bind_url = os.environ.get("UNLEARN_HUB_API_URL", "http://127.0.0.1:8081")
c.ConfigurableHTTPProxy.api_url = os.environ.get("UNLEARN_HUB_PROXY_API", "http://127.0.0.1:8001")

# --- who gets in -------------------------------------------------------------------------
# A test hub uses the shared-password authenticator (JupyterHub's dummy one: any allowed name,
# one password). A class uses the default PAM (Unix passwords), TLJH's first-use authenticator,
# or the school's OAuth (oauthenticator).
if os.environ.get("UNLEARN_HUB_PASSWORD"):
    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = os.environ["UNLEARN_HUB_PASSWORD"]
c.Authenticator.allowed_users = _names("UNLEARN_HUB_USERS")
c.Authenticator.admin_users = _names("UNLEARN_HUB_ADMINS")

# --- each student's server: their own Unix account, the shared read-only tables ----------
c.JupyterHub.spawner_class = "localprocess"  # TLJH: systemdspawner; Kubernetes: kubespawner
python = os.environ.get("UNLEARN_HUB_PYTHON", sys.executable)
c.Spawner.cmd = [python, "-m", "jupyterhub.singleuser"]
c.Spawner.default_url = "/lab"
c.Spawner.environment = {
    # every student reads the tables the instructor installed once; nobody builds their own
    "UNLEARN_SHARED_CACHE": os.environ.get("UNLEARN_HUB_SHARED_CACHE", "/srv/unlearn/cache"),
    **json.loads(os.environ.get("UNLEARN_HUB_SPAWNER_ENV", "{}")),
}
c.Spawner.args = [
    # a kernel idle for 20 minutes is shut down (its memory is the larger part of a student's)
    "--MappingKernelManager.cull_idle_timeout=1200",
    "--MappingKernelManager.cull_interval=120",
    "--MappingKernelManager.cull_connected=False",
    "--LabApp.news_url=None",  # no news pop-up over the first notebook
]
# Measured (benchmarks/README.md): about 0.3 GB per active student (server + kernel after a
# whole lesson). LocalProcessSpawner only reports these to the server; systemdspawner (TLJH)
# and kubespawner enforce them.
c.Spawner.mem_limit = "1G"
c.Spawner.cpu_limit = 1
c.Spawner.start_timeout = 120  # thirty servers starting at once on a small machine
c.Spawner.http_timeout = 90

# --- idle servers are stopped (jupyterhub-idle-culler) -----------------------------------
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [sys.executable, "-m", "jupyterhub_idle_culler", "--timeout=3600", "--cull-every=300"],
    }
]
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
]
