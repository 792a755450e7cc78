from . import gov_plan_reason_wizard
from . import gov_plan_period_wizard
from . import gov_plan_issue_check
from . import gov_plan_wizard_input
