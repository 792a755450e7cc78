from . import gov_plan
