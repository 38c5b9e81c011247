from . import parley_call
from . import res_partner
from . import res_config_settings
