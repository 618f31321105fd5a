"""Analysis of the voting tables: agreement, blocs, divergence, ideal points, vetoes."""
