from . import test_parley_call
