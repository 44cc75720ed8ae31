# The parts of Pyodide that wwe_scapi uses (compat/in_pyodide.py), typed for mypy in CPython.
