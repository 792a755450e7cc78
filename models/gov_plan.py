import json

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib import doc_rules, signature_rules, vn_rules, workflow

# The forms of Decree 30, art. 13 (lib/signature_rules.py prints them)
AUTHORITY_SELECTION = [
    ("none", "None (the head signs)"),
    ("KT", "KT. (a deputy signs for the head)"),
    ("Q", "Q. (acting)"),
    ("TM", "TM. (on behalf of a collective body)"),
    ("TM_KT", "TM. and KT. (a deputy signs for the head of a collective body)"),
    ("TM_Q", "TM. and Q. (the acting head signs for a collective body)"),
    ("TL", "TL. (by order)"),
    ("TUQ", "TUQ. (by authorisation)"),
]


class GovPlan(models.Model):
    _name = "gov.plan"
    # whoever sees the record may comment on it and log its workflow steps
    _mail_post_access = "read"
    _description = "Plan"
    # the workflow mixin first: a step's write goes on to mail.thread
    _inherit = ["gov.plan.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _rec_name = "title"
    _gov_unit_fields = ("unit_id", "concerned_unit_ids")
    _gov_workflow = workflow.PLAN

    def _default_agency(self):
        return self.env["gov.plan.agency"].search([("is_own", "=", True)], limit=1)

    def _default_type(self):
        return self.env.ref("gov_plan.document_type_kh", raise_if_not_found=False)

    def _default_unit(self):
        return self.env.user.gov_unit_ids[:1]

    title = fields.Text(
        "Title",
        required=True,
        track_visibility="onchange",
        help="The summary (trích yếu) printed under KẾ HOẠCH. A long title "
        "breaks where you type a line break; without one, it wraps by itself.",
    )
    document_type_id = fields.Many2one(
        "gov.plan.document.type",
        "Document type",
        required=True,
        default=_default_type,
        ondelete="restrict",
    )
    agency_id = fields.Many2one(
        "gov.plan.agency",
        "Issuing agency",
        required=True,
        default=_default_agency,
        ondelete="restrict",
        track_visibility="onchange",
    )
    supervising_agency_id = fields.Many2one(
        "gov.plan.agency",
        "Supervising agency",
        related="agency_id.parent_id",
        readonly=True,
        store=True,
    )
    unit_id = fields.Many2one(
        "hr.department",
        "Drafting unit",
        required=True,
        default=_default_unit,
        ondelete="restrict",
        index=True,
        track_visibility="onchange",
        help="The unit that drafts the plan and follows it up.",
    )
    number = fields.Integer(
        readonly=True,
        copy=False,
        group_operator=None,
        help="Given from the register when the plan is issued.",
    )
    symbol = fields.Char(compute="_compute_symbol", store=True)
    number_symbol = fields.Char(
        "Number",
        compute="_compute_symbol",
        store=True,
        index=True,
        help="Number and symbol, e.g. 05/KH-SKHCN; \u2026/KH-SKHCN until issued.",
    )
    # What the plan printed when it was issued (the issue step writes them):
    # an issued document keeps its number, names and citations as issued.
    issued_symbol = fields.Char("Symbol as issued", readonly=True, copy=False)
    issued_number_symbol = fields.Char(
        readonly=True,
        copy=False,
        help="Number and symbol of an issued plan only; unique per agency and year.",
    )
    issued_basis_text = fields.Text("Legal basis as issued", readonly=True, copy=False)
    issued_decision_basis_text = fields.Text(
        "Decision's legal basis as issued", readonly=True, copy=False
    )
    issued_recipient_lines = fields.Text(
        "Recipients as issued", readonly=True, copy=False
    )
    issued_signer_name = fields.Char("Signer as issued", readonly=True, copy=False)
    issued_signature_lines = fields.Text(
        "Signature as issued", readonly=True, copy=False
    )
    place = fields.Char(default=lambda self: self._default_agency().place)
    date = fields.Date(
        track_visibility="onchange",
        help="Date of the plan; set to the issue date if empty when it is issued.",
    )
    year = fields.Integer(
        compute="_compute_year", store=True, index=True, group_operator=None
    )
    basis_ids = fields.One2many("gov.plan.basis", "plan_id", "Legal basis", copy=True)
    basis_intro = fields.Text(
        "Introduction",
        help='The sentence after the basis, e.g. "Sở Khoa học và Công nghệ '
        'xây dựng Kế hoạch tổ chức thực hiện như sau:"',
    )
    child_plan_ids = fields.Many2many(
        "gov.plan", compute="_compute_child_plan_ids", string="Implemented by"
    )
    basis_layout = fields.Selection(
        [
            ("lines", "Each basis on its own line (Căn cứ …;)"),
            ("sentence", "One opening sentence (Thực hiện …, … như sau:)"),
        ],
        "Basis printed as",
        required=True,
        default="lines",
    )
    basis_intro_inline = fields.Boolean(
        "Introduction continues the last basis",
        help='"Xét đề nghị của …, UBND tỉnh ban hành Kế hoạch … như sau:" in '
        "one paragraph. Always so for one opening sentence.",
    )
    body_ids = fields.One2many(
        "gov.plan.item",
        "plan_id",
        "Body",
        copy=True,
        domain=[("document", "=", "plan")],
        context={"default_document": "plan"},
    )
    part_style = fields.Selection(
        [("roman", "Phần I, Phần II"), ("ordinal", "Phần thứ nhất, Phần thứ hai")],
        "Parts numbered",
        required=True,
        default="roman",
    )
    issue_form = fields.Selection(
        [
            ("plan", "The plan itself, numbered as a plan"),
            ("decision", "A decision (Quyết định) with the plan as its annex"),
        ],
        "Issued as",
        required=True,
        default="plan",
        help="A UBND or a Sở often issues its plan with a decision: the "
        "decision takes the number (QĐ) and the plan prints as its annex.",
    )
    decision_title = fields.Text(
        "Decision's title", help="e.g. Về việc ban hành Kế hoạch …"
    )
    decision_authority = fields.Char(
        "Decision issued by",
        help="The line under the title, e.g. CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THANH HÓA "
        "or GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ.",
    )
    decision_issuer = fields.Char(
        "Decision cited as issued by",
        help='In the annex line "(Ban hành kèm theo Quyết định số … ngày … của '
        '<this>)", e.g. Chủ tịch UBND tỉnh Thanh Hóa.',
    )
    decision_item_ids = fields.One2many(
        "gov.plan.item",
        "plan_id",
        "Articles of the decision",
        copy=True,
        domain=[("document", "=", "decision")],
        context={"default_document": "decision", "default_level": "article"},
    )
    # copied by copy() itself: the duties each unit got from a duty for all
    # the units stay with the issued plan
    duty_ids = fields.One2many("gov.plan.duty", "plan_id", "Duties", copy=False)
    written_duty_ids = fields.One2many(
        "gov.plan.duty",
        "plan_id",
        "Duties as written",
        domain=[("parent_id", "=", False)],
        help="The duties as the plan writes them. The duty each unit gets from a "
        "duty for all the units when the plan is issued is among the plan's "
        "duties (the Duties button).",
    )
    print_duty_details = fields.Boolean(
        "Print coordination, product and time of duties",
        default=True,
        help="Unticked, each duty prints its text only, as plans that write "
        "everything in the duty's text do (each duty may also say so).",
    )
    duty_count = fields.Integer(compute="_compute_counts")
    report_count = fields.Integer(compute="_compute_counts")
    recipient_ids = fields.One2many(
        "gov.plan.recipient", "plan_id", "Recipients", copy=True
    )
    archive_note = fields.Char(
        "Filed at",
        default=lambda self: self._default_archive_note(),
        help='Printed as the last recipient line, after "Lưu:": the office (VT) and '
        'the drafting unit by its abbreviation, "VT, VP"; edit it as Decree 30 '
        "lets you write it.",
    )
    archive_copies = fields.Integer(
        "Copies filed",
        help='Printed after the units the plan is filed at: 2 prints "Lưu: VT, VP, '
        '02b.". Left at 0, no number is printed.',
    )
    concerned_unit_ids = fields.Many2many(
        "hr.department",
        "gov_plan_concerned_unit_rel",
        "plan_id",
        "unit_id",
        compute="_compute_concerned_unit_ids",
        store=True,
        string="Units concerned",
    )
    signer_id = fields.Many2one(
        "hr.employee", "Signer", ondelete="restrict", track_visibility="onchange"
    )
    signer_title = fields.Char("Signer's title", help="e.g. PHÓ GIÁM ĐỐC")
    authority = fields.Selection(
        AUTHORITY_SELECTION,
        "Signing authority",
        default="KT",
        help="Who signs for whom (Decree 30, art. 13). Choosing it fills in the "
        "lines from the issuing agency; they may then be corrected.",
    )
    authority_title = fields.Char(
        "Title of the head",
        default=lambda self: self._default_agency().head_title or "GIÁM ĐỐC",
        help="Printed after the authority: KT. GIÁM ĐỐC",
    )
    collective_title = fields.Char(
        "Collective body",
        help='Printed after TM.: "TM. ỦY BAN NHÂN DÂN".',
    )
    signature_preview = fields.Text(
        "Signature lines", compute="_compute_signature_preview"
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("issued", "Issued"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        track_visibility="onchange",
    )
    state_reason = fields.Text(
        "Reason of the last return or cancellation", readonly=True, copy=False
    )
    approved_by_id = fields.Many2one(
        "res.users", "Approved by", readonly=True, copy=False
    )
    issued_by_id = fields.Many2one("res.users", "Issued by", readonly=True, copy=False)
    # Names as issued: an issued document keeps the names it was issued under.
    issued_agency_name = fields.Char(readonly=True, copy=False)
    issued_supervising_name = fields.Char(readonly=True, copy=False)
    # the header lines as issued (the agencies' "Name as printed in headers")
    issued_agency_header = fields.Text(readonly=True, copy=False)
    issued_supervising_header = fields.Text(readonly=True, copy=False)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "number_unique",
            "unique(agency_id, year, issued_number_symbol)",
            "This number is already used this year by another document of the "
            "agency.",
        ),
    ]

    def _default_archive_note(self):
        return vn_rules.default_archive(self._default_unit().gov_code)

    @api.depends(
        "issued_symbol",
        "issued_number_symbol",
        "document_type_id.code",
        "agency_id.code",
        "issue_form",
    )
    def _compute_symbol(self):
        """The symbol of the type and agency of today until the plan is
        issued; the one it was issued under afterwards."""
        for plan in self:
            code = plan._gov_numbering_type().code
            plan.symbol = plan.issued_symbol or vn_rules.document_symbol(
                code, plan.agency_id.code
            )
            plan.number_symbol = plan.issued_number_symbol or (
                vn_rules.number_and_symbol(None, code, plan.agency_id.code)
            )

    @api.depends("date")
    def _compute_year(self):
        for plan in self:
            plan.year = fields.Date.from_string(plan.date).year if plan.date else False

    def _compute_child_plan_ids(self):
        bases = self.env["gov.plan.basis"].search([("parent_plan_id", "in", self.ids)])
        for plan in self:
            plan.child_plan_ids = bases.filtered(
                lambda b: b.parent_plan_id == plan
            ).mapped("plan_id")

    def _compute_counts(self):
        duty_data = self.env["gov.plan.duty"].read_group(
            [("plan_id", "in", self.ids)], ["plan_id"], ["plan_id"]
        )
        duties = {d["plan_id"][0]: d["plan_id_count"] for d in duty_data}
        report_data = self.env["gov.plan.report"].read_group(
            [("plan_id", "in", self.ids)], ["plan_id"], ["plan_id"]
        )
        reports = {d["plan_id"][0]: d["plan_id_count"] for d in report_data}
        for plan in self:
            plan.duty_count = duties.get(plan.id, 0)
            plan.report_count = reports.get(plan.id, 0)

    @api.depends(
        "unit_id",
        "duty_ids.unit_id",
        "duty_ids.coordinating_unit_ids",
        "recipient_ids.unit_id",
    )
    def _compute_concerned_unit_ids(self):
        # decides visibility, so it must see every duty whoever triggers it
        for plan in self:
            full = plan.sudo()
            plan.concerned_unit_ids = (
                full.unit_id
                | full.duty_ids.mapped("unit_id")
                | full.duty_ids.mapped("coordinating_unit_ids")
                | full.recipient_ids.mapped("unit_id")
            )

    @api.multi
    def name_get(self):
        # a title may be typed on several lines, where it breaks when printed
        return [(plan.id, " ".join((plan.title or "").split())) for plan in self]

    @api.onchange("agency_id")
    def _onchange_agency_id(self):
        if self.agency_id.place:
            self.place = self.agency_id.place

    @api.onchange("unit_id")
    def _onchange_unit_id(self):
        """The plan is filed at the drafting unit: a new unit changes the
        "Lưu" line, unless the drafter wrote their own."""
        codes = self.env["hr.department"].search([("gov_code", "!=", False)])
        if vn_rules.is_default_archive(self.archive_note, codes.mapped("gov_code")):
            self.archive_note = vn_rules.default_archive(self.unit_id.gov_code)

    @api.constrains("archive_copies")
    def _check_archive_copies(self):
        for plan in self:
            if not 0 <= plan.archive_copies <= 99:
                raise ValidationError(
                    _(
                        "The number of copies filed is a number from 1 to 99 (0 "
                        "prints none), not %(copies)s."
                    )
                    % {"copies": plan.archive_copies}
                )

    @api.onchange("signer_id")
    def _onchange_signer_id(self):
        job = self.signer_id.sudo().job_id  # job positions are hidden from employees
        if job and self.authority not in signature_rules.ACTING_FORMS:
            self.signer_title = signature_rules.upper(job.name)

    @api.onchange("agency_id")
    def _onchange_agency_form(self):
        """An agency that is not a collective body has no TM. line (runs
        before _onchange_signature_form, which gives the lines)."""
        if self.authority:
            self.authority = signature_rules.form_for_regime(
                self.authority, self.agency_id.regime
            )

    @api.onchange("agency_id", "authority")
    def _onchange_signature_form(self):
        """The lines of the chosen form, from the agency: the drafter may
        correct them afterwards."""
        agency = self.agency_id
        defaults = signature_rules.signature_defaults(
            self.authority,
            agency.collective_name,
            agency.head_title or self.authority_title,
            self.signer_id.sudo().job_id.name,
        )
        self.collective_title = defaults["collective_title"] or False
        self.authority_title = defaults["authority_title"] or False
        if defaults["signer_title"] is not None:
            self.signer_title = defaults["signer_title"] or False

    @api.depends(
        "authority",
        "collective_title",
        "authority_title",
        "signer_title",
        "issued_signature_lines",
        "issued_number_symbol",
    )
    def _compute_signature_preview(self):
        for plan in self:
            plan.signature_preview = "\n".join(plan._print_signature_lines())

    def _signature_lines(self):
        """The lines above the signer's name, as the plan reads today."""
        self.ensure_one()
        return signature_rules.signature_lines(
            self.authority,
            self.collective_title,
            self.authority_title,
            self.signer_title,
        )

    @api.model
    def create(self, vals):
        if "archive_note" not in vals and vals.get("unit_id"):
            # filed at the plan's own drafting unit, not the creator's first one
            unit = self.env["hr.department"].sudo().browse(vals["unit_id"]).exists()
            vals = dict(vals, archive_note=vn_rules.default_archive(unit.gov_code))
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if vals.get("unit_id") and not self._gov_unchecked():
            # a draft moves only to a unit of the user's (or leadership's)
            self._gov_require_unit(
                self.env["hr.department"].browse(vals["unit_id"]),
                _("give a plan to a unit"),
            )
        return super().write(vals)

    def _gov_check_frozen(self, vals):
        """A cancelled plan may still be archived; nothing else changes once
        a plan left the draft state."""
        if set(vals) <= {"active"}:
            self = self.filtered(lambda p: p.state != "cancel")
        super(GovPlan, self)._gov_check_frozen(vals)

    def _gov_frozen_message(self):
        return _(
            'The plan "%(name)s" is no longer a draft: return it to draft before '
            "changing it (an issued plan cannot change)."
        ) % {"name": self.title}

    @api.multi
    def copy(self, default=None):
        """A copy is a new draft whose duties implement the copy's own
        contents, item for item."""
        self.ensure_one()
        default = dict(default or {})
        if "duty_ids" not in default:
            default["duty_ids"] = [
                (0, 0, duty.copy_data()[0])
                for duty in self.duty_ids.filtered(lambda d: not d.parent_id).sorted(
                    "id"
                )
            ]
        new = super().copy(default)
        items = dict(zip(self._gov_body_items(), new._gov_body_items()))
        for old_duty, new_duty in zip(
            self.duty_ids.filtered(lambda d: not d.parent_id).sorted("id"),
            new.duty_ids.sorted("id"),
        ):
            values = {}
            if old_duty.content_item_id in items:
                values["content_item_id"] = items[old_duty.content_item_id].id
            if old_duty.item_id in items:
                values["item_id"] = items[old_duty.item_id].id
            if values:
                new_duty.write(values)
        return new

    def _gov_body_items(self, document="plan"):
        """The nodes of the plan's body (or of its decision) in order."""
        self.ensure_one()
        return (
            self.env["gov.plan.item"]
            .sudo()
            .search(
                [("plan_id", "=", self.id), ("document", "=", document)],
                order="sequence, id",
            )
            .with_env(self.env)
        )

    def _gov_numbering_type(self):
        """The type whose register numbers the plan: a plan issued by a
        decision takes the decision's number."""
        self.ensure_one()
        if self.issue_form == "decision":
            return self.env.ref("gov_plan.document_type_qd")
        return self.document_type_id

    @api.multi
    def action_add_usual_headings(self):
        """Offers the usual skeleton of a plan; the drafter keeps, renames or
        deletes each heading."""
        for plan in self:
            plan._gov_require_group("user", _("change a plan"))
            if plan._gov_body_items():
                raise UserError(
                    _("The plan's body is not empty: add the headings one by one.")
                )
            rows = [
                ("section", "MỤC ĐÍCH, YÊU CẦU", False),
                ("clause", "Mục đích", False),
                ("clause", "Yêu cầu", False),
                ("section", "NỘI DUNG THỰC HIỆN", False),
                ("section", "TỔ CHỨC THỰC HIỆN", True),
                ("section", "KINH PHÍ THỰC HIỆN", False),
            ]
            plan.write(
                {
                    "body_ids": [
                        (
                            0,
                            0,
                            {
                                "sequence": (index + 1) * 10,
                                "level": level,
                                "heading": heading,
                                "print_duties": duties,
                            },
                        )
                        for index, (level, heading, duties) in enumerate(rows)
                    ]
                }
            )
        return True

    @api.multi
    def action_add_usual_articles(self):
        """Offers the three articles of a decision issuing a plan."""
        for plan in self:
            plan._gov_require_group("user", _("change a plan"))
            if plan._gov_body_items("decision"):
                raise UserError(
                    _("The decision already has articles: add them one by one.")
                )
            title = " ".join((plan.title or "").split())
            texts = [
                "Ban hành kèm theo Quyết định này Kế hoạch %s." % title,
                "Quyết định có hiệu lực thi hành kể từ ngày ký.",
                "Chánh Văn phòng, Thủ trưởng các cơ quan, đơn vị có liên quan chịu "
                "trách nhiệm thi hành Quyết định này./.",
            ]
            plan.write(
                {
                    "decision_item_ids": [
                        (
                            0,
                            0,
                            {
                                "document": "decision",
                                "sequence": (index + 1) * 10,
                                "level": "article",
                                "name": text,
                            },
                        )
                        for index, text in enumerate(texts)
                    ]
                }
            )
        return True

    @api.multi
    def unlink(self):
        for plan in self:
            if plan.state not in ("draft", "cancel"):
                raise UserError(
                    _(
                        'Only draft or cancelled plans can be deleted; "%(name)s" '
                        "is not."
                    )
                    % {"name": plan.title}
                )
            if (
                self.env["gov.plan.report"]
                .sudo()
                .search_count([("plan_id", "=", plan.id)])
            ):
                raise UserError(
                    _(
                        'The plan "%(name)s" has reports: it cannot be deleted. '
                        "Cancel it instead."
                    )
                    % {"name": plan.title}
                )
        return super().unlink()

    # ------------------------------------------------------------------ workflow
    @api.multi
    def action_submit(self):
        self._gov_step(
            "submit", _("submit a plan"), message=_("Submitted for approval.")
        )
        return True

    @api.multi
    def action_approve(self):
        self._gov_step(
            "approve",
            _("approve a plan"),
            {"approved_by_id": self.env.uid},
            message=_("Approved."),
        )
        return True

    def _gov_issue_date(self):
        """The day of the issue, whose year's register gives the number:
        today in the user's time zone. The module's own data (the superuser)
        may give the day the demo plans were issued (``gov_issue_date``)."""
        if self._gov_unchecked() and self.env.context.get("gov_issue_date"):
            return fields.Date.from_string(self.env.context["gov_issue_date"])
        return fields.Date.from_string(fields.Date.context_today(self))

    def _issue_signature_values(self):
        """The plain values the signature rules need (lib/signature_rules.py).
        The signer's user, units and roles are read as superuser: plain
        employees may not read them, and they decide nothing but the check."""
        self.ensure_one()
        signer = self.signer_id.sudo()
        agency = self.agency_id.sudo()
        user = signer.user_id.filtered("active")
        heads_unit = bool(
            signer
            and self.env["hr.department"]
            .sudo()
            .search_count([("manager_id", "=", signer.id)])
        )
        return {
            "signer": bool(signer),
            "signer_name": signer.name or "",
            "authority": self.authority,
            "collective_title": self.collective_title or "",
            "authority_title": self.authority_title or "",
            "signer_title": self.signer_title or "",
            "regime": agency.regime,
            "agency": agency.name or "",
            "agency_head_title": agency.head_title or "",
            "signer_is_leader": bool(user) and user._gov_is("leader"),
            "signer_heads_unit": heads_unit,
        }

    def _issue_problem_messages(self):
        """Every problem that stops the issue, in the user's words: empty
        when the plan can be issued. Reads only."""
        self.ensure_one()
        issue_date = self._gov_issue_date()
        date = fields.Date.from_string(self.date) if self.date else issue_date
        doc = self._issue_signature_values()
        doc.update(
            {
                "title": self.title,
                "duty_count": len(self.duty_ids),
                "recipient_count": len(self.recipient_ids),
                "date": date,
                "issue_date": issue_date,
                "basis": [
                    (
                        b.display_name,
                        b.basis_date and fields.Date.from_string(b.basis_date),
                    )
                    for b in self.basis_ids
                ],
                "basis_keys": [
                    (b.display_name, b._gov_issue_key()) for b in self.basis_ids
                ],
                "duties": [
                    (d.name, fields.Date.from_string(d.date_deadline))
                    for d in self.duty_ids
                    if d.date_deadline and d.state != "cancel"
                ],
            }
        )
        texts = self._issue_problem_texts()
        messages = []
        for code, detail in vn_rules.issue_problems(doc):
            if code == "basis_date":
                detail = {
                    "detail": "%s, %s" % (detail[0], detail[1].strftime("%d/%m/%Y"))
                }
            elif code == "duty_date":
                detail = dict(
                    detail,
                    deadline=detail["deadline"].strftime("%d/%m/%Y"),
                    date=detail["date"].strftime("%d/%m/%Y"),
                )
            messages.append(texts[code] % detail if detail else texts[code])
        body = {
            "issue_form": self.issue_form,
            "decision_title": self.decision_title,
            "decision_authority": self.decision_authority,
            "article_count": len(self._gov_body_items("decision")),
            "node_count": len(self._gov_body_items()),
            "bases": [
                (
                    b.display_name,
                    b.number,
                    b.document_type_id.citation_name or b.document_type_id.name,
                )
                for b in self.basis_ids
            ],
        }
        for code, detail in doc_rules.document_problems(body):
            messages.append(texts[code] % detail if detail else texts[code])
        return messages

    def _issue_problem_texts(self):
        return {
            "title": _("the title (trích yếu) is empty"),
            "signer": _("no signer is chosen"),
            "authority": _("no signing authority is chosen"),
            "tm_collective": _(
                "TM. signs on behalf of a collective body, but %(agency)s is run by "
                "its head (chế độ thủ trưởng): its head signs in their own name, a "
                "deputy signs KT."
            ),
            "collective_title": _("the name of the collective body after TM. is empty"),
            "head_title": _(
                "the title of the head (after KT., Q., TL., TUQ.) is empty"
            ),
            "head_title_agency": _(
                'the title of the head is "%(title)s", but the head of %(agency)s '
                'has the title "%(head)s"'
            ),
            "signer_title": _("the signer's title is empty"),
            "kt_deputy": _(
                "KT. %(head)s is signed by a deputy of the %(head)s (%(deputy)s), "
                'but the signer\'s title is "%(title)s"'
            ),
            "deputy_direct": _(
                "the signer's title \"%(title)s\" is a deputy's: a deputy signs KT. "
                "(for the head), not in their own name"
            ),
            "not_leader": _(
                "%(name)s is not in the leadership of the agency (the role "
                '"Leadership"): only its head or a deputy signs in this form'
            ),
            "unit_not_leader": _(
                "%(form)s. is signed by the head of a unit of the agency, not by its "
                "leadership (%(name)s, %(title)s)"
            ),
            "unit_head": _(
                "%(form)s. is signed by the head of a unit of the agency, but "
                "%(name)s is the manager of no unit"
            ),
            "duty": _("the plan has no duty"),
            "recipient": _("the plan has no recipient"),
            "date": _("the plan has no date"),
            "year": _(
                "the plan is dated %(year)s, but it would be numbered from the "
                "register of %(register)s, the year it is issued: date it in "
                "%(register)s"
            ),
            "basis_date": _('the basis "%(detail)s" is dated after the plan'),
            "duty_date": _(
                'the duty "%(duty)s" is due on %(deadline)s, before the date of the '
                "plan (%(date)s)"
            ),
            "basis_twice": _('the basis "%(basis)s" is cited %(count)s times'),
            "body_empty": _("the plan's body is empty"),
            "basis_type": _('choose the type of the document cited in "%(basis)s"'),
            "decision_title": _("the decision issuing the plan has no title"),
            "decision_authority": _(
                'the decision has no line naming who issues it ("CHỦ TỊCH ỦY BAN '
                'NHÂN DÂN TỈNH …")'
            ),
            "decision_articles": _("the decision issuing the plan has no article"),
        }

    def _gov_raise_issue_problems(self):
        problems = self._issue_problem_messages()
        if problems:
            raise UserError(
                _("The plan cannot be issued yet:\n%(problems)s")
                % {"problems": "\n".join("- " + p for p in problems)}
            )

    @api.multi
    def action_check_issue(self):
        """Shows whether the plan can be issued, and every problem if not,
        without issuing and without writing anything (the records clerk
        issues an approved plan that passes from there)."""
        self.ensure_one()
        self.check_access_rights("read")
        self.check_access_rule("read")
        return {
            "type": "ir.actions.act_window",
            "name": _("Check before issuing"),
            "res_model": "gov.plan.issue.check",
            "view_mode": "form",
            "target": "new",
            "context": {"default_plan_id": self.id},
        }

    @api.multi
    def action_issue(self):
        label = _("issue a plan")
        for plan in self:
            if plan.state == "issued":
                raise UserError(
                    _('The plan "%(name)s" is already issued as %(number)s.')
                    % {"name": plan.title, "number": plan.number_symbol}
                )
        self._gov_check_step("issue", label)
        for plan in self:
            plan._gov_raise_issue_problems()
            issue_date = plan._gov_issue_date()
            date = fields.Date.from_string(plan.date) if plan.date else issue_date
            # the register of the year of the issue (the check refused a plan
            # dated in another year)
            number = (
                self.env["gov.plan.register"]
                .sudo()
                ._take_number(
                    plan.agency_id, plan._gov_numbering_type(), issue_date.year
                )
            )
            values = plan._issue_snapshot(number)
            values.update(
                number=number,
                date=fields.Date.to_string(date),
                issued_by_id=self.env.uid,
            )
            plan._gov_write_step("issue", values)
            plan.message_post(
                body=_("Issued as %(number)s.") % {"number": plan.number_symbol}
            )
        self._gov_issue_expand_duties()
        return True

    def _gov_issue_expand_duties(self):
        """Part of the issue: each duty for all the units of the agency gives
        every such unit its own duty, which the unit reports on. The plan
        keeps the duty for all the units as it prints it, and every duty it
        prints keeps its lead and text as printed (names as issued).

        The units are those ticked "One of all the units" (Configuration >
        Units): a plan cannot assign work to all the units when none is."""
        units = (
            self.env["hr.department"].sudo().search([("gov_in_all_units", "=", True)])
        )
        for plan in self:
            originals = plan.sudo().duty_ids.filtered(
                lambda d: d.lead_type == workflow.LEAD_ALL_UNITS and d.state != "cancel"
            )
            if originals and not units:
                raise UserError(
                    _(
                        'The plan "%(name)s" assigns a duty to all the units, but no '
                        'unit is marked "One of all the units": ask the '
                        "administrator to mark them (Configuration > Units)."
                    )
                    % {"name": plan.title}
                )
            for duty in originals.sorted(lambda d: (d.sequence, d.id)):
                # as the clerk who issues: the step "expand" is theirs
                self.env["gov.plan.duty"].browse(duty.id)._gov_expand(units)
            printed = plan.sudo().duty_ids.filtered(
                lambda d: not d.parent_id and d.state in workflow.OPEN_STATES
            )
            if printed:
                self.env["gov.plan.duty"].browse(printed.ids)._gov_keep_as_issued(
                    plan.sudo().print_duty_details
                )

    def _issue_snapshot(self, number):
        """What the issued plan prints, kept as issued: later changes of an
        agency, a document type, an external document, a unit or a signer
        change no issued plan."""
        self.ensure_one()
        agency = self.agency_id
        code = self._gov_numbering_type().code
        symbol = vn_rules.document_symbol(code, agency.code)
        return {
            "issued_symbol": symbol,
            "issued_number_symbol": vn_rules.number_and_symbol(
                number, code, agency.code
            ),
            "issued_agency_name": agency.name,
            "issued_supervising_name": agency.parent_id.name or "",
            "issued_agency_header": agency._gov_header_text(),
            "issued_supervising_header": (
                agency.parent_id._gov_supervising_header_text()
            ),
            "issued_basis_text": self._print_basis_text(),
            "issued_decision_basis_text": json.dumps(
                self._print_basis_paragraphs("decision"), ensure_ascii=False
            )
            if self.issue_form == "decision"
            else False,
            "issued_recipient_lines": "\n".join(self._print_recipient_lines()),
            "issued_signer_name": self.signer_id.sudo().name or "",
            "issued_signature_lines": "\n".join(self._signature_lines()),
        }

    @api.multi
    def action_done(self):
        self._gov_step(
            "close", _("close a plan"), message=_("Closed: the plan is carried out.")
        )
        return True

    @api.multi
    def action_cancel(self, reason=None):
        self._gov_require_group("leader", _("cancel a plan"))
        reason = self._gov_reason(reason, _("Give the reason for cancelling."))
        self._gov_step(
            "cancel",
            _("cancel a plan"),
            {"state_reason": reason, "approved_by_id": False},
            message=_("Cancelled: %(reason)s") % {"reason": reason},
        )
        return True

    @api.multi
    def action_back_to_draft(self, reason=None):
        reason = self._gov_reason(
            reason, _("Give the reason for returning the plan to draft.")
        )
        values = {"state_reason": reason, "approved_by_id": False}
        message = _("Returned to draft: %(reason)s") % {"reason": reason}
        approved = self.filtered(lambda p: p.state == "approved")
        # the drafting unit may take back what it submitted; only leadership
        # reopens what it approved (the steps "take_back" and "reopen")
        if approved:
            approved._gov_step(
                "reopen", _("return an approved plan to draft"), values, message
            )
        if self - approved:
            (self - approved)._gov_step(
                "take_back", _("return a plan to draft"), values, message
            )
        return True

    @api.multi
    def action_view_duties(self):
        self.ensure_one()
        action = self.env.ref("gov_plan.gov_plan_duty_action").read()[0]
        action["domain"] = [("plan_id", "=", self.id)]
        action["context"] = {"default_plan_id": self.id}
        return action

    @api.multi
    def action_view_reports(self):
        self.ensure_one()
        action = self.env.ref("gov_plan.gov_plan_report_action").read()[0]
        action["domain"] = [("plan_id", "=", self.id)]
        action["context"] = {"default_plan_id": self.id}
        return action
