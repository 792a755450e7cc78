from . import gov_plan_reason_wizard
