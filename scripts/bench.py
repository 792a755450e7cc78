"""make bench: SQL queries and wall time of gov_plan's main screens and jobs.

    .var/venv/bin/python scripts/bench.py [--regenerate] [--runs N]

Builds (scripts/db.sh, no demo data) two databases and fills them once:
  gov_plan_bench        a Sở of 20 units, plans of 2022-2026, 10,000 duties,
                        monthly unit reports (approved, with lines)
  gov_plan_bench_small  the same Sở with 100 duties, to compare against
A database already filled is reused; --regenerate drops and rebuilds both.

Each measure runs as the user who does it in real life (a staff member of
one unit, leadership; the cron as the superuser), with the record cache
emptied before each run as at the start of a request: one warm-up run, then
the median of --runs runs. Queries are ``cr.sql_log_count`` deltas. Actions
that write are rolled back to a savepoint after each run, and the whole
transaction is rolled back at the end: the data stay as generated.
"""

import argparse
import datetime
import importlib.machinery
import io
import json
import os
import random
import statistics
import subprocess
import sys
import time
import types

from psycopg2 import sql as psycopg2_sql
from psycopg2.extras import execute_values
from PyPDF2 import PdfFileReader

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
VAR = os.path.join(ROOT, ".var")
CONF = os.path.join(VAR, "odoo.conf")
# wkhtmltopdf (PDF) and lessc (the PDF's stylesheets): as scripts/common.sh
os.environ["PATH"] = os.pathsep.join(
    [
        os.path.dirname(sys.executable),
        os.path.join(VAR, "node", "node_modules", ".bin"),
        os.environ.get("PATH", ""),
    ]
)

import odoo  # noqa: E402  (after PATH: Odoo looks for wkhtmltopdf on import)
from odoo import SUPERUSER_ID, api  # noqa: E402


def load_source(name, *path):
    """A Python file of the repository as a module (odoo-bin has no .py; the
    addon's package is importable only once Odoo's configuration is read)."""
    loader = importlib.machinery.SourceFileLoader(name, os.path.join(ROOT, *path))
    module = types.ModuleType(loader.name)
    module.__file__ = loader.path
    loader.exec_module(module)
    return module


vn_rules = load_source("gov_plan_vn_rules", "lib", "vn_rules.py")

# ---------------------------------------------------------------- the dataset
DATASET_VERSION = 1
YEARS = range(2022, 2027)
AS_OF = datetime.date(2026, 11, 16)  # "today" of the data and of the reminder job
LAST_CUTOFF = datetime.date(2026, 11, 14)  # of the last monthly report before it
BIG = {
    "db": "gov_plan_bench",
    "duties": 10000,
    "plans_per_year": 8,
    "form_sizes": (5, 50, 500),
    # the drafting units of the plans take turns
    "office_drafts_all": False,
}
SMALL = {
    "db": "gov_plan_bench_small",
    "duties": 100,
    "plans_per_year": 1,
    "form_sizes": (),
    # the unit user sees all 100 duties, so that the list fills its 80 rows
    "office_drafts_all": True,
}
UNITS = [
    "Văn phòng Sở",
    "Thanh tra Sở",
    "Phòng Kế hoạch - Tài chính",
    "Phòng Quản lý khoa học",
    "Phòng Quản lý công nghệ và Thị trường công nghệ",
    "Phòng Quản lý chuyên ngành",
    "Phòng Đổi mới sáng tạo",
    "Phòng Tiêu chuẩn Đo lường Chất lượng",
    "Phòng Sở hữu trí tuệ",
    "Phòng An toàn bức xạ và hạt nhân",
    "Phòng Bưu chính, Viễn thông",
    "Phòng Công nghệ thông tin",
    "Phòng Chuyển đổi số",
    "Trung tâm Nghiên cứu, Chuyển giao công nghệ và Đổi mới sáng tạo",
    "Trung tâm Thông tin và Thống kê khoa học và công nghệ",
    "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng",
    "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ",
    "Trung tâm Công nghệ thông tin và Truyền thông",
    "Quỹ Phát triển khoa học và công nghệ",
    "Ban Quản lý Khu công nghệ cao",
]
TOPICS = [
    "chuyển đổi số",
    "cải cách hành chính",
    "phát triển thị trường khoa học và công nghệ",
    "hỗ trợ khởi nghiệp đổi mới sáng tạo",
    "phong trào thi đua yêu nước",
    "phòng, chống tham nhũng, lãng phí",
    "an toàn bức xạ",
    "nâng cao năng suất, chất lượng",
]
ACTIONS = [
    "Tuyên truyền, phổ biến",
    "Hướng dẫn, đôn đốc",
    "Kiểm tra, giám sát",
    "Tổ chức hội thảo về",
    "Xây dựng báo cáo về",
    "Rà soát văn bản về",
    "Triển khai ứng dụng về",
    "Tập huấn nghiệp vụ về",
    "Đánh giá kết quả",
    "Khảo sát thực trạng",
]
PARAM = "gov_plan.bench_dataset"
REPORT_ACTION = "gov_plan.action_report_gov_plan_report"
ANALYZED = (
    "gov_plan",
    "gov_plan_concerned_unit_rel",
    "gov_plan_duty",
    "gov_plan_duty_coordinating_rel",
    "gov_plan_report",
    "gov_plan_report_line",
    "gov_plan_reminder",
)
QUIET = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "no_reset_password": True,
}


def say(text):
    print("==> %s" % text, flush=True)


def chunks(rows, size=1000):
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def new_ids(cr, table, count):
    cr.execute(
        "SELECT nextval(%s) FROM generate_series(1, %s)", (table + "_id_seq", count)
    )
    return [row[0] for row in cr.fetchall()]


def insert(cr, table, columns, rows):
    """Many rows at once. psycopg2's execute_values needs the driver's own
    cursor, which Odoo's cursor wraps."""
    query = "INSERT INTO %s (%s) VALUES %%s" % (table, ", ".join(columns))
    for part in chunks(rows):
        execute_values(cr._obj, query, part, page_size=len(part))


def month_bounds(year, month):
    return vn_rules.period_bounds("monthly", year, month)


class Generator:
    """Fills a database with the Sở described by ``spec``. Small records
    (agencies, units, users, plans) go through the ORM; duties, reports,
    report lines and the reminders already sent through batched SQL."""

    def __init__(self, env, spec):
        self.env = env(context=dict(env.context, **QUIET))
        self.cr = env.cr
        self.spec = spec
        self.rng = random.Random(2026)
        self.now = datetime.datetime.utcnow().replace(microsecond=0)

    def run(self):
        started = time.time()
        self._people()
        self._plans()
        self._duties()
        self._reports()
        self._rounds()
        self._reminders_sent()
        plans = self.env["gov.plan"].browse(self.plan_ids)
        self.env.clear()
        self.env.add_todo(plans._fields["concerned_unit_ids"], plans)
        plans.recompute()
        info = {
            "version": DATASET_VERSION,
            "duties": self.spec["duties"],
            "staff": self.staff.id,
            "leader": self.leader.id,
            "form_plans": self.form_plans,
            "request": self.request_id,
            "consolidated": self.consolidated_id,
        }
        self.env["ir.config_parameter"].set_param(PARAM, json.dumps(info))
        say(
            "%s generated in %.0f s: %d plans, %d duties, %d unit reports, "
            "%d report lines"
            % (
                self.cr.dbname,
                time.time() - started,
                len(self.plan_ids),
                len(self.duties),
                self.report_count,
                self.line_count,
            )
        )
        return info

    # ------------------------------------------------------------- people
    def _people(self):
        env = self.env
        Agency = env["gov.plan.agency"]
        self.province = Agency.create(
            {
                "name": "Ủy ban nhân dân tỉnh Quảng Trị",
                "short_name": "UBND tỉnh",
                "code": "UBND",
                "place": "Quảng Trị",
            }
        )
        self.agency = Agency.create(
            {
                "name": "Sở Khoa học và Công nghệ",
                "code": "SKHCN",
                "parent_id": self.province.id,
                "place": "Quảng Trị",
                "is_own": True,
            }
        )
        self.culture = Agency.create(
            {
                "name": "Sở Văn hóa, Thể thao và Du lịch",
                "code": "SVHTTDL",
                "parent_id": self.province.id,
            }
        )
        Dept = env["hr.department"]
        self.units = Dept.browse()
        for index, name in enumerate(UNITS):
            self.units |= Dept.create({"name": name, "gov_is_office": index == 0})
        board = Dept.create({"name": "Ban Giám đốc Sở"})
        self.leader, leader_employee = self._user(
            "bench.leader", "Nguyễn Văn Lãnh Đạo", "leader", board, "Phó Giám đốc"
        )
        self.signer = leader_employee
        self.staff, _employee = self._user(
            "bench.staff", "Trần Thị Chuyên Viên", "user", self.units[0], "Chuyên viên"
        )
        self.heads = []
        for index, unit in enumerate(self.units, 1):
            head, employee = self._user(
                "bench.head%02d" % index,
                "Trưởng đơn vị %02d" % index,
                "unit_head",
                unit,
                "Trưởng phòng",
            )
            unit.manager_id = employee
            self.heads.append(head)

    def _user(self, login, name, role, unit, job):
        env = self.env
        groups = [
            env.ref("base.group_user").id,
            env.ref("gov_plan.group_gov_plan_" + role).id,
        ]
        user = env["res.users"].create(
            {
                "name": name,
                "login": login,
                "email": login + "@example.org",
                "lang": "vi_VN",
                "tz": "Asia/Ho_Chi_Minh",
                "groups_id": [(6, 0, groups)],
            }
        )
        job_record = env["hr.job"].search([("name", "=", job)], limit=1)
        job_record = job_record or env["hr.job"].create({"name": job})
        employee = env["hr.employee"].create(
            {
                "name": name,
                "user_id": user.id,
                "department_id": unit.id,
                "job_id": job_record.id,
                "work_email": user.email,
            }
        )
        return user, employee

    # -------------------------------------------------------------- plans
    def _plans(self):
        """Plans of every year, issued with their number (the old years' done
        but one); the plans with 5, 50 and 500 duties are the office's."""
        spec = self.spec
        Plan = self.env["gov.plan"]
        self.plans = []  # (plan id, date, drafting unit index, number of duties)
        self.form_plans = {}
        ordinary = len(YEARS) * spec["plans_per_year"]
        rest = spec["duties"] - sum(spec["form_sizes"])
        sizes = [rest // ordinary + (i < rest % ordinary) for i in range(ordinary)]
        todo = []
        for year in YEARS:
            for k in range(spec["plans_per_year"]):
                day = datetime.date(year, 1, 10) + datetime.timedelta(days=20 * k)
                unit = 0 if spec["office_drafts_all"] else len(todo) % len(UNITS)
                todo.append((day, unit, sizes[len(todo)], None))
        for k, size in enumerate(spec["form_sizes"]):
            todo.append((datetime.date(2026, 2, 2 + k), 0, size, size))
        numbers = {}
        for day, unit, size, form in sorted(todo, key=lambda t: t[0]):
            topic = TOPICS[len(self.plans) % len(TOPICS)]
            title = "Kế hoạch thực hiện nhiệm vụ %s năm %d" % (topic, day.year)
            if form:
                title += " (%d nhiệm vụ)" % form
            plan = Plan.create(
                {
                    "title": title,
                    "agency_id": self.agency.id,
                    "unit_id": self.units[unit].id,
                    "date": str(day),
                    "place": "Quảng Trị",
                    "signer_id": self.signer.id,
                    "signer_title": "PHÓ GIÁM ĐỐC",
                    "authority": "KT",
                    "authority_title": "GIÁM ĐỐC",
                    "recipient_ids": [(0, 0, {"agency_id": self.province.id})],
                }
            )
            numbers[day.year] = numbers.get(day.year, 0) + 1
            last_of_year = numbers[day.year] == spec["plans_per_year"]
            done = day.year < AS_OF.year and not last_of_year
            plan.write(
                {
                    "state": "done" if done else "issued",
                    "number": numbers[day.year],
                    "approved_by_id": self.leader.id,
                    "issued_by_id": self.leader.id,
                    "issued_agency_name": self.agency.name,
                    "issued_supervising_name": self.province.name,
                }
            )
            self.plans.append((plan.id, day, unit, size))
            if form:
                self.form_plans[str(form)] = plan.id
        self.plan_ids = [p[0] for p in self.plans]

    # ------------------------------------------------------------- duties
    def _duty_outcome(self, start, deadline):
        """State, progress and day done of a duty as of AS_OF."""
        rng = self.rng
        draw = rng.random()
        if deadline < AS_OF:
            if draw < 0.87:
                if draw < 0.75:
                    done = deadline - datetime.timedelta(days=rng.randint(0, 20))
                else:
                    done = deadline + datetime.timedelta(days=rng.randint(1, 40))
                done = max(done, start + datetime.timedelta(days=1))
                done = min(done, AS_OF - datetime.timedelta(days=1))
                state = "done_late" if done > deadline else "done_on_time"
                return state, 100, done
            progress = rng.choice([0, 0, 20, 40, 60, 80])
            return ("progress" if progress else "todo"), progress, None
        if draw < 0.15:
            span = max(1, (AS_OF - start).days - 1)
            done = start + datetime.timedelta(days=rng.randint(1, span))
            return "done_on_time", 100, done
        progress = rng.choice([0, 10, 20, 30, 40, 50, 60, 70, 80, 90])
        return ("progress" if progress else "todo"), progress, None

    def _duties(self):
        rng = self.rng
        self.duties = []  # dicts: what the reports need
        rows, coordinating = [], []
        for plan_id, day, _unit, size in self.plans:
            ids = new_ids(self.cr, "gov_plan_duty", size)
            last = datetime.date(day.year, 12, 14)
            first = day + datetime.timedelta(days=30)
            for seq, duty_id in enumerate(ids, 1):
                unit = rng.randrange(len(UNITS))
                deadline = first + datetime.timedelta(
                    days=rng.randint(0, (last - first).days)
                )
                state, progress, done = self._duty_outcome(day, deadline)
                name = "%s %s (nhiệm vụ %d)" % (
                    rng.choice(ACTIONS),
                    TOPICS[rng.randrange(len(TOPICS))],
                    seq,
                )
                reported = min(LAST_CUTOFF, last) if progress else None
                rows.append(
                    (
                        duty_id,
                        name,
                        seq * 10,
                        plan_id,
                        self.units[unit].id,
                        self.staff.id if unit == 0 else None,
                        "Đơn vị chủ trì tổ chức thực hiện: " + name.lower(),
                        "Báo cáo kết quả",
                        "unit",
                        True,
                        "date",
                        deadline,
                        state,
                        progress,
                        "Đã thực hiện được %d%%." % progress if progress else None,
                        reported,
                        done,
                        SUPERUSER_ID,
                        self.now,
                        SUPERUSER_ID,
                        self.now,
                    )
                )
                if rng.random() < 0.3:
                    others = rng.sample(range(len(UNITS)), 3)
                    for other in [o for o in others if o != unit][: rng.randint(1, 2)]:
                        coordinating.append((duty_id, self.units[other].id))
                self.duties.append(
                    {
                        "id": duty_id,
                        "plan": plan_id,
                        "start": day,
                        "unit": unit,
                        "deadline": deadline,
                        "state": state,
                        "progress": progress,
                        "done": done,
                    }
                )
        insert(
            self.cr,
            "gov_plan_duty",
            (
                "id name sequence plan_id unit_id user_id description "
                "expected_output lead_type print_details deadline_type "
                "date_deadline state progress "
                "last_result last_report_date date_done create_uid "
                "create_date write_uid write_date"
            ).split(),
            rows,
        )
        insert(
            self.cr,
            "gov_plan_duty_coordinating_rel",
            ["duty_id", "unit_id"],
            coordinating,
        )

    # ------------------------------------------------------------ reports
    def _line(self, duty, date_from, date_to):
        """The report line of a duty for a month, or None once it is done."""
        done = duty["done"]
        if done and done < date_from:
            return None
        if done and done <= date_to:
            return "done", 100, done, "Đã hoàn thành."
        target = done or AS_OF
        share = (date_to - duty["start"]).days / max(1, (target - duty["start"]).days)
        final = 100 if done else duty["progress"]
        progress = min(95, int(final * min(1.0, share)) // 5 * 5)
        if not progress:
            return "not_started", 0, None, "Chưa triển khai."
        return "progress", progress, None, "Đã thực hiện được %d%%." % progress

    def _reports(self):
        """A monthly report of every unit on each plan it has duties in, from
        the plan's first cut-off to the last before AS_OF: approved, but for
        the last month where the units are at every step."""
        by_plan_unit = {}
        for duty in self.duties:
            by_plan_unit.setdefault((duty["plan"], duty["unit"]), []).append(duty)
        reports, lines = [], []
        latest = vn_rules.period_of("monthly", AS_OF - datetime.timedelta(days=2))
        for (plan_id, unit), duties in sorted(by_plan_unit.items()):
            head = self.heads[unit].id
            year = duties[0]["start"].year
            for month in range(1, 13):
                date_from, date_to = month_bounds(year, month)
                if date_to <= duties[0]["start"] or date_to >= AS_OF:
                    continue
                rows = []
                for duty in duties:
                    line = self._line(duty, date_from, date_to)
                    if line:
                        rows.append((duty, line))
                if not rows:
                    continue
                if (year, month) == latest:
                    state = ("approved", "accepted", "submitted", "draft")[unit % 4]
                else:
                    state = "approved"
                reports.append(
                    {
                        "plan": plan_id,
                        "unit": unit,
                        "head": head,
                        "from": date_from,
                        "to": date_to,
                        "label": vn_rules.period_label("monthly", year, month),
                        "state": state,
                        "rows": rows,
                    }
                )
        ids = new_ids(self.cr, "gov_plan_report", len(reports))
        report_rows = []
        for report_id, rep in zip(ids, reports):
            state = rep["state"]
            stepped = state != "draft"
            report_rows.append(
                (
                    report_id,
                    "%s - %s" % (UNITS[rep["unit"]], rep["label"]),
                    "unit",
                    rep["plan"],
                    self.units[rep["unit"]].id,
                    "monthly",
                    rep["from"],
                    rep["to"],
                    rep["to"] + datetime.timedelta(days=4),
                    state,
                    rep["head"] if stepped else None,
                    rep["head"] if state in ("accepted", "approved") else None,
                    self.leader.id if state == "approved" else None,
                    rep["to"] + datetime.timedelta(days=5)
                    if state == "approved"
                    else None,
                    False,
                    rep["head"],
                    self.now,
                    rep["head"],
                    self.now,
                )
            )
            for duty, (status, progress, done, result) in rep["rows"]:
                lines.append(
                    (
                        report_id,
                        duty["id"],
                        self.units[duty["unit"]].id,
                        result,
                        status,
                        progress,
                        done,
                        rep["head"],
                        self.now,
                        rep["head"],
                        self.now,
                    )
                )
        insert(
            self.cr,
            "gov_plan_report",
            (
                "id name report_type plan_id unit_id period_type date_from "
                "date_to date_deadline state submitted_by_id accepted_by_id "
                "approved_by_id date_approved nothing_new create_uid "
                "create_date write_uid write_date"
            ).split(),
            report_rows,
        )
        insert(
            self.cr,
            "gov_plan_report_line",
            (
                "report_id duty_id unit_id result status progress date_done "
                "create_uid create_date write_uid write_date"
            ).split(),
            lines,
        )
        self.reports = list(zip(ids, reports))
        self.report_count, self.line_count = len(reports), len(lines)

    def _rounds(self):
        """For the largest plan: a report request not opened yet, and the
        consolidated report of the month before the last."""
        self.request_id = self.consolidated_id = None
        if not self.form_plans:
            return
        plan = self.env["gov.plan"].browse(
            self.form_plans[str(max(self.spec["form_sizes"]))]
        )
        request = self.env["gov.plan.report.request"].create(
            {
                "name": "6 tháng cuối năm 2026",
                "plan_id": plan.id,
                "agency_id": self.culture.id,
                "date_from": "2026-06-15",
                "date_to": "2026-12-14",
                "date_deadline": "2026-12-18",
            }
        )
        self.request_id = request.id
        date_from, date_to = month_bounds(2026, 10)
        leader_env = self.env(user=self.leader.id)
        report = leader_env["gov.plan.report"].create_consolidated(
            plan.with_env(leader_env), str(date_from), str(date_to), agency=self.culture
        )
        # the generator sets states directly, as the superuser (a step field
        # is refused to everyone else)
        report.sudo().write(
            {
                "state": "approved",
                "submitted_by_id": self.leader.id,
                "approved_by_id": self.leader.id,
                "date_approved": str(date_to + datetime.timedelta(days=5)),
            }
        )
        self.consolidated_id = report.id

    def _reminders_sent(self):
        """The reminders the daily job sent up to the day before AS_OF: the
        measured run then sends only what is new on AS_OF, as every day."""
        yesterday = AS_OF - datetime.timedelta(days=1)
        days_before = 3
        bands = (30, 60, 120)
        rows = []

        def kinds(deadline, escalate):
            due = []
            if yesterday >= deadline - datetime.timedelta(days=days_before):
                due.append("before")
            if yesterday >= deadline:
                due.append("due")
            if yesterday > deadline:
                due.append("overdue")
            if escalate:
                late = (yesterday - deadline).days
                due += ["overdue_%d" % band for band in bands if late >= band]
            return due

        for duty in self.duties:
            if duty["state"] in ("todo", "progress"):
                for kind in kinds(duty["deadline"], True):
                    rows.append(("gov.plan.duty", duty["id"], kind, duty["deadline"]))
        for report_id, rep in self.reports:
            if rep["state"] == "draft":
                deadline = rep["to"] + datetime.timedelta(days=4)
                for kind in kinds(deadline, False):
                    rows.append(("gov.plan.report", report_id, kind, deadline))
        stamp = datetime.datetime.combine(yesterday, datetime.time(1))
        insert(
            self.cr,
            "gov_plan_reminder",
            (
                "res_model res_id kind deadline create_uid create_date "
                "write_uid write_date"
            ).split(),
            [row + (SUPERUSER_ID, stamp, SUPERUSER_ID, stamp) for row in rows],
        )


# ----------------------------------------------------------------- measuring
class Bench:
    """Runs the measures of one database in one transaction, rolled back."""

    def __init__(self, cr, info, runs):
        self.cr = cr
        self.info = info
        self.runs = runs
        root = api.Environment(cr, SUPERUSER_ID, {})
        self.root = root
        self.staff = self._env(info["staff"])
        self.leader = self._env(info["leader"])
        self.rows = []

    def _env(self, uid):
        context = self.root["res.users"].browse(uid).context_get()
        return api.Environment(self.cr, uid, dict(context))

    def measure(self, label, user, data, func, rollback=False, runs=None):
        """Warm-up once, then ``runs`` runs; returns the row of the table."""
        cr = self.cr
        counts, times = [], []
        for index in range(1 + (runs or self.runs)):
            self.root.clear()  # a request starts with an empty record cache
            if rollback:
                cr.execute("SAVEPOINT bench_run")
            before = cr.sql_log_count
            start = time.perf_counter()
            func()
            elapsed = time.perf_counter() - start
            queries = cr.sql_log_count - before
            if rollback:
                cr.execute("ROLLBACK TO SAVEPOINT bench_run")
                self.root.clear()
            if index:
                counts.append(queries)
                times.append(elapsed * 1000)
        row = {
            "label": label,
            "user": user,
            "data": data,
            "queries": max(counts),
            "queries_min": min(counts),
            "ms": statistics.median(times),
            "min": min(times),
            "max": max(times),
        }
        self.rows.append(row)
        print(
            "    %-34s %5d queries %9.1f ms" % (label, row["queries"], row["ms"]),
            flush=True,
        )
        return row

    # ------------------------------------------------------------ screens
    def _form_spec(self, env):
        """The fields the web client reads to show the plan form: the form's
        fields, then those of each embedded list, and the names of the tags."""
        from lxml import etree

        view = env["gov.plan"].fields_view_get(view_type="form")
        arch = etree.fromstring(view["arch"])
        fields = list(view["fields"]) + ["display_name"]
        subs = []
        for name, field in view["fields"].items():
            if field["type"] not in ("one2many", "many2many"):
                continue
            nodes = arch.xpath("//form//field[@name='%s']" % name)
            sub = field.get("views", {}).get("tree")
            if sub and nodes:
                tags = nodes[0].xpath("./tree/field[@widget='many2many_tags']/@name")
                subs.append((name, field["relation"], list(sub["fields"]), tags))
            elif nodes and nodes[0].get("widget") == "many2many_tags":
                subs.append((name, field["relation"], ["display_name"], []))
        return fields, subs

    def open_form(self, env, plan_id, spec):
        fields, subs = spec
        [values] = env["gov.plan"].browse(plan_id).read(fields)
        for name, model, sub_fields, tags in subs:
            if not values[name]:
                continue
            rows = env[model].browse(values[name]).read(sub_fields)
            for tag in tags:
                comodel = env[model]._fields[tag].comodel_name
                ids = sorted({i for row in rows for i in row[tag]})
                env[comodel].browse(ids).read(["display_name"])

    def duty_list(self, env, fields):
        """/web/dataset/search_read of the list view: 80 rows, and the count
        of the pager when the page is full."""
        Duty = env["gov.plan.duty"]
        records = Duty.search_read([], fields, offset=0, limit=80)
        if len(records) == 80:
            Duty.search_count([])
        return records

    def dashboard(self, env):
        """The pivot view opens with four read_group calls (rows x columns)."""
        Analysis = env["gov.plan.duty.analysis"]
        fields = ["unit_id", "bucket", "duty_count"]
        for groupby in ([], ["bucket"], ["unit_id"], ["unit_id", "bucket"]):
            Analysis.read_group([], fields, groupby, lazy=False)

    def run_screens(self):
        staff, leader = self.staff, self.leader
        spec = self._form_spec(staff)
        for size, plan_id in sorted(
            self.info["form_plans"].items(), key=lambda i: int(i[0])
        ):
            duties = staff["gov.plan.duty"].search_count([("plan_id", "=", plan_id)])
            self.measure(
                "Plan form, %s duties" % size,
                "staff",
                "%d duty rows" % duties,
                lambda plan_id=plan_id: self.open_form(staff, plan_id, spec),
            )
        tree = staff["gov.plan.duty"].fields_view_get(view_type="tree")
        visible = staff["gov.plan.duty"].search_count([])
        total = self.root["gov.plan.duty"].search_count([])
        self.measure(
            "Duty list (80 rows + count)",
            "staff",
            "{:,} of {:,} duties visible".format(visible, total),
            lambda: self.duty_list(staff, list(tree["fields"])),
        )
        counted = self.root["gov.plan.duty.analysis"].search_count([])
        self.measure(
            "Dashboard (pivot: 4 read_group)",
            "leader",
            "{:,} duties of issued plans".format(counted),
            lambda: self.dashboard(leader),
        )

    # ------------------------------------------------------------ actions
    def run_actions(self):
        leader, root = self.leader, self.root
        Report = root["gov.plan.report"]
        accepted = Report.search([("state", "=", "accepted")])
        report = max(accepted, key=lambda r: (len(r.line_ids), -r.id))
        lines = len(report.line_ids)
        self.measure(
            "Approve a unit report",
            "leader",
            "%d lines" % lines,
            lambda: leader["gov.plan.report"].browse(report.id).action_approve(),
            rollback=True,
        )
        plan_id = self.info["form_plans"][max(self.info["form_plans"], key=int)]
        plan = root["gov.plan"].browse(plan_id)
        units = len(plan.duty_ids.mapped("unit_id"))
        duties = len(plan.duty_ids)

        def wizard():
            leader["gov.plan.period.wizard"].create(
                {
                    "plan_id": plan_id,
                    "period_type": "monthly",
                    "year": "2026",  # taken as text by an Integer or a Selection
                    "index": 12,
                }
            ).action_open()

        self.measure(
            "Open a round (period wizard)",
            "leader",
            "%d units, %d duties" % (units, duties),
            wizard,
            rollback=True,
        )
        request_id = self.info["request"]
        self.measure(
            "Open a round (request: Open)",
            "leader",
            "%d units, %d duties" % (units, duties),
            lambda: leader["gov.plan.report.request"]
            .browse(request_id)
            .action_open(),
            rollback=True,
        )
        sent = []
        self.measure(
            "Daily reminder job",
            "cron",
            "as of %s" % AS_OF,
            lambda: sent.append(
                root["gov.plan.reminder"]._cron_send(today=str(AS_OF))
            ),
            rollback=True,
        )
        self.rows[-1]["data"] += ", %d sent" % sent[-1]
        consolidated = root["gov.plan.report"].browse(self.info["consolidated"])
        action = leader.ref(REPORT_ACTION)
        pdfs = []

        def pdf():
            data, kind = action.render_qweb_pdf([consolidated.id])
            assert kind == "pdf" and data.startswith(b"%PDF"), kind
            pdfs.append(data)

        self.measure(
            "Print the consolidated report",
            "leader",
            "%d lines" % len(consolidated.line_ids),
            pdf,
            runs=max(3, self.runs // 2),
        )
        pages = PdfFileReader(io.BytesIO(pdfs[-1])).numPages
        self.rows[-1]["data"] += ", %d pages" % pages


# ------------------------------------------------------------------ running
def load_odoo():
    """Odoo with gov_plan's server hardening, as scripts/odoo-bin starts it."""
    load_source("gov_plan_odoo_bin", "scripts", "odoo-bin").apply_server_hardening()
    odoo.tools.config.parse_config(["-c", CONF, "--log-level=warn"])


def prepare(spec, regenerate):
    """The database with gov_plan installed and the dataset generated."""
    args = ["bash", os.path.join(ROOT, "scripts", "db.sh"), spec["db"], "nodemo"]
    subprocess.check_call(args + (["fresh"] if regenerate else []))
    registry = odoo.registry(spec["db"])
    with api.Environment.manage(), registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        info = json.loads(env["ir.config_parameter"].get_param(PARAM) or "{}")
        if not info:
            say("Generating the dataset of %s" % spec["db"])
            info = Generator(env, spec).run()
            cr.commit()
            # fresh statistics for the planner, as autovacuum gives them later
            cr.execute(
                psycopg2_sql.SQL("ANALYZE {}").format(
                    psycopg2_sql.SQL(", ").join(map(psycopg2_sql.Identifier, ANALYZED))
                )
            )
        elif (info.get("version"), info.get("duties")) == (
            DATASET_VERSION,
            spec["duties"],
        ):
            say("%s: dataset already generated, reused" % spec["db"])
        else:
            sys.exit(
                "%s holds another dataset: run make bench BENCH_ARGS=--regenerate"
                % spec["db"]
            )
        if info.get("consolidated"):
            warm_pdf(env, info)
    return registry, info


def warm_pdf(env, info):
    """Odoo builds the PDF's stylesheet bundles at the first print and
    commits them then, in the middle of the request: do it here, not in the
    measured transaction. No server serves the benchmark database, so
    wkhtmltopdf cannot fetch the stylesheets and prints unstyled (the
    connection is refused at once: no wait)."""
    env["ir.config_parameter"].set_param("report.url", "http://127.0.0.1:9")
    env.cr.commit()
    action = env.ref(REPORT_ACTION).sudo(info["leader"])
    action.render_qweb_pdf([info["consolidated"]])


def bench(registry, info, runs, screens_only):
    with api.Environment.manage():
        cr = registry.cursor()

        def refuse_commit():
            raise RuntimeError("a measure committed: it would not be rolled back")

        cr.commit = refuse_commit
        try:
            runner = Bench(cr, info, runs)
            runner.run_screens()
            if not screens_only:
                runner.run_actions()
            return runner.rows
        finally:
            cr.rollback()
            cr.close()


def ratio(big, small):
    return "%.2f" % (big / small) if small else "-"


def table(big_rows, small_rows, runs):
    out = [
        "| Measure | Duties in DB | As | Data | SQL queries | Median ms | Min-max ms |",
        "| --- | ---: | --- | --- | ---: | ---: | ---: |",
    ]
    sizes = ["{:,}".format(spec["duties"]) for spec in (BIG, SMALL)]
    for duties, rows in zip(sizes, (big_rows, small_rows)):
        for row in rows:
            out.append(
                "| %s | %s | %s | %s | %s%d | %.1f | %.1f-%.1f |"
                % (
                    row["label"],
                    duties,
                    row["user"],
                    row["data"],
                    "%d-" % row["queries_min"]
                    if row["queries_min"] != row["queries"]
                    else "",
                    row["queries"],
                    row["ms"],
                    row["min"],
                    row["max"],
                )
            )
    out += ["", "| Ratio | SQL queries | Time |", "| --- | ---: | ---: |"]
    forms = [row for row in big_rows if row["label"].startswith("Plan form")]
    if len(forms) > 1:
        out.append(
            "| %s / %s | %s | %s |"
            % (
                forms[-1]["label"],
                forms[0]["label"],
                ratio(forms[-1]["queries"], forms[0]["queries"]),
                ratio(forms[-1]["ms"], forms[0]["ms"]),
            )
        )
    big = {row["label"]: row for row in big_rows}
    for row in small_rows:
        if row["label"] in big:
            out.append(
                "| %s: %s / %s duties | %s | %s |"
                % (
                    row["label"],
                    sizes[0],
                    sizes[1],
                    ratio(big[row["label"]]["queries"], row["queries"]),
                    ratio(big[row["label"]]["ms"], row["ms"]),
                )
            )
    out += [
        "",
        "Median of %d runs after one warm-up (the PDF: %d); %s, %d cores."
        % (runs, max(3, runs // 2), time.strftime("%Y-%m-%d"), os.cpu_count()),
    ]
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--regenerate",
        action="store_true",
        help="drop and rebuild the benchmark databases and their data",
    )
    parser.add_argument(
        "--runs", type=int, default=7, help="measured runs of each measure"
    )
    args = parser.parse_args()
    started = time.time()
    load_odoo()
    big_registry, big_info = prepare(BIG, args.regenerate)
    small_registry, small_info = prepare(SMALL, args.regenerate)
    say("Measuring on %s" % BIG["db"])
    big_rows = bench(big_registry, big_info, args.runs, False)
    say("Measuring on %s" % SMALL["db"])
    small_rows = bench(small_registry, small_info, args.runs, True)
    print()
    print(table(big_rows, small_rows, args.runs))
    print()
    say("make bench took %.0f s" % (time.time() - started))


if __name__ == "__main__":
    main()
