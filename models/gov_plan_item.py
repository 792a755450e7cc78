from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..lib import doc_rules

LEVEL_SELECTION = [
    ("part", "Part (Phần I)"),
    ("section", "Section (I.)"),
    ("clause", "Clause (1.)"),
    ("subclause", "Sub-clause (1.1.)"),
    ("point", "Point (a))"),
    ("dash", "Dash (-)"),
    ("plus", "Plus (+)"),
    ("paragraph", "Paragraph (no label)"),
    ("article", "Article (Điều 1.)"),
]
# the outline: a node belongs to the nearest node before it of a higher rank
RANK = {
    "part": 0,
    "section": 1,
    "article": 1,
    "clause": 2,
    "subclause": 3,
    "point": 4,
    "dash": 5,
    "plus": 6,
    "paragraph": 7,
}


def outline(items):
    """The tree of ``items`` (in order) as nested dicts for doc_rules.

    The body is entered as an outline: each node belongs to the nearest node
    before it of a higher level, as a drafter reads "I.", "1.", "a)", "-".
    A plain paragraph belongs to the node before it and holds nothing.
    """
    roots, stack = [], []
    nodes = {}
    for item in items:
        node = {
            "id": item.id,
            "level": item.level,
            "heading": item.heading,
            "text": item.name,
            "label": item.custom_label,
            "inline": item.heading_inline,
            "children": [],
        }
        nodes[item.id] = node
        rank = RANK.get(item.level, 7)
        while stack and RANK[stack[-1][1]] >= rank:
            stack.pop()
        (stack[-1][0]["children"] if stack else roots).append(node)
        if item.level != "paragraph":
            stack.append((node, item.level))
    return roots, nodes


class GovPlanItem(models.Model):
    """A node of a document's body: a part, section, clause, sub-clause,
    point, bullet or paragraph of the plan, or an article of the decision
    that issues it. Its label comes from its place in the outline."""

    _name = "gov.plan.item"
    _inherit = "gov.plan.line.mixin"
    _description = "Document body node"
    _order = "plan_id, document, sequence, id"

    plan_id = fields.Many2one("gov.plan", required=True, ondelete="cascade", index=True)
    document = fields.Selection(
        [("plan", "Plan"), ("decision", "Decision issuing the plan")],
        required=True,
        default="plan",
    )
    sequence = fields.Integer(default=10)
    level = fields.Selection(LEVEL_SELECTION, required=True, default="clause")
    custom_label = fields.Char(
        "Own label",
        help="Printed instead of the label of its place (I., 1., a) ...): for "
        "a document entered exactly as it was printed. Leave empty.",
    )
    label = fields.Char(compute="_compute_label")
    heading = fields.Char(help="Printed in bold, as typed (capitals are kept).")
    name = fields.Text(
        "Text", help="One paragraph a line; no bullet is added but the label."
    )
    heading_inline = fields.Boolean(
        "Text on the heading's line",
        help='"1. Mục tiêu chung: Phổ cập …" instead of the text under the heading.',
    )
    print_duties = fields.Boolean(
        "Duties print here",
        help="The duties placed at this node (and those placed nowhere) print "
        "under it, one heading a lead unit.",
    )

    @api.depends("plan_id", "level", "sequence", "custom_label", "document")
    def _compute_label(self):
        for plan in self.mapped("plan_id"):
            labels = {}
            for document in ("plan", "decision"):
                items = plan._gov_body_items(document)
                roots, _nodes = outline(items)
                labels.update(doc_rules.node_labels(roots, plan.part_style))
            for item in self.filtered(lambda i: i.plan_id == plan):
                item.label = labels.get(item.id, "")
        for item in self.filtered(lambda i: not i.plan_id):
            item.label = ""

    @api.constrains("heading", "name", "level")
    def _check_something(self):
        for item in self.sudo():  # a check, not an access
            if not ((item.heading or "").strip() or (item.name or "").strip()):
                raise ValidationError(
                    _("A node of the plan's body needs a heading or a text.")
                )

    @api.multi
    def name_get(self):
        result = []
        for item in self:
            text = " ".join(
                p for p in (item.label, item.heading or item.name or "") if p
            )
            text = " ".join(text.split())
            result.append((item.id, text if len(text) <= 80 else text[:77] + "..."))
        return result
