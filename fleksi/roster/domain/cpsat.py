"""The one import of OR-Tools' CP-SAT.

``ortools/sat/python/cp_model.py`` contains ``~True`` and ``~False`` literals, which Python
3.12 flags with a DeprecationWarning while compiling the module (each time, where no bytecode
cache is written); the warning is about OR-Tools' source, not about this project.
"""

import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from ortools.sat.python import cp_model

__all__ = ["cp_model"]
