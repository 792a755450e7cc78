"""What a client may send for a field, as plain functions: no database."""

import datetime
import unittest

from odoo.addons.gov_plan.lib import input_rules as rules
from odoo.addons.gov_plan.lib.input_rules import InputError

D = datetime.date


class RulesCase(unittest.TestCase):
    def refused(self, code, check, *args):
        with self.assertRaises(InputError) as caught:
            check(*args)
        self.assertEqual(caught.exception.code, code, caught.exception.details)
        return caught.exception


class TestScalars(RulesCase):
    def test_texts(self):
        for value in ("", "Kế hoạch", False, None):
            rules.check_text(value)
        for value in (["x"], {"a": 1}, 12, 1.5, True, b"bytes"):
            self.refused("text", rules.check_text, value)
        self.refused("nul", rules.check_text, "a\x00b")

    def test_integers_fit_postgresql_integer(self):
        for value in (0, -5, rules.INT_MAX, rules.INT_MIN, 3.0, False, None):
            rules.check_integer(value)
        for value in ("12", "abc", [], {}, 1.5, True, float("nan"), float("inf")):
            self.refused("integer", rules.check_integer, value)
        error = self.refused("integer_range", rules.check_integer, 2 ** 31)
        self.assertEqual(error.details["high"], 2 ** 31 - 1)
        self.refused("integer_range", rules.check_integer, -(2 ** 31) - 1)

    def test_floats_and_booleans(self):
        for value in (0, 1.5, -3, False):
            rules.check_float(value)
        for value in ("1.5", float("nan"), float("inf"), True, [1]):
            self.refused("float", rules.check_float, value)
        for value in (True, False, None, 0, 1):
            rules.check_boolean(value)
        for value in ("abc", "true", 2, 1.0, []):
            self.refused("boolean", rules.check_boolean, value)

    def test_selection(self):
        rules.check_selection("KT", ["TM", "KT"])
        rules.check_selection(False, ["TM", "KT"])
        for value in ("ZZ", ["KT"], {"KT": 1}, 1):
            self.refused("selection", rules.check_selection, value, ["TM", "KT"])


class TestDates(RulesCase):
    def test_real_dates_between_1900_and_9999(self):
        self.assertEqual(rules.parse_date("2024-02-29"), D(2024, 2, 29))
        self.assertEqual(rules.parse_date("1900-01-01"), D(1900, 1, 1))
        self.assertEqual(rules.parse_date("9999-12-31"), D(9999, 12, 31))
        self.assertEqual(rules.parse_date(D(2024, 5, 1)), D(2024, 5, 1))
        # Odoo keeps the date of a date and time
        self.assertEqual(rules.parse_date("2024-05-01 10:00:00"), D(2024, 5, 1))
        self.assertIsNone(rules.parse_date(False))

    def test_dates_refused(self):
        for value in ("2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10"):
            self.refused("date_invalid", rules.parse_date, value)
        for value in ("0001-01-01", "1899-12-31", D(1899, 12, 31)):
            self.refused("date_range", rules.parse_date, value)
        for value in ("99999-01-01", "abc", 20240101, "2024-1-5", "24-01-05", True,
                      [], {}, "2024-01-05 25:00", "2024-01-05T10:00:00"):
            self.refused("date", rules.parse_date, value)
        self.refused("date_invalid", rules.parse_date, "2024-01-05 25:00:00")

    def test_datetimes(self):
        self.assertEqual(
            rules.parse_datetime("2024-05-01 10:30:00"),
            datetime.datetime(2024, 5, 1, 10, 30),
        )
        self.assertEqual(
            rules.parse_datetime("2024-05-01"), datetime.datetime(2024, 5, 1)
        )
        self.refused("datetime", rules.parse_datetime, 20240501)
        self.refused("date_invalid", rules.parse_datetime, "2024-02-30 10:00:00")
        self.refused("date_range", rules.parse_datetime, "0001-01-01 00:00:00")


class TestIds(RulesCase):
    def test_ids_of_a_method_call(self):
        self.assertEqual(rules.check_ids(5), [5])
        self.assertEqual(rules.check_ids([1, 2]), [1, 2])
        self.assertEqual(rules.check_ids(False), [])
        self.assertEqual(rules.check_ids([]), [])
        for value in ("abc", ["abc"], [[1]], [{}], [True], [2 ** 31], [0], [-1],
                      [1.5], [1, "x"], {"a": 1}, [None]):
            self.refused("ids", rules.check_ids, value)

    def test_many2one(self):
        rules.check_many2one(False)
        rules.check_many2one(rules.INT_MAX)
        for value in ("abc", [], {}, 2 ** 31, -5, 0, True, 1.5, [1, 2]):
            self.refused("id", rules.check_many2one, value)


class TestCommands(RulesCase):
    def test_the_seven_commands(self):
        value = [
            (0, 0, {"name": "a"}),
            (0, "virtual_3", {"name": "b"}),
            (1, 7, {"name": "c"}),
            (2, 7),
            (3, 8, False),
            (4, 9),
            (5,),
            (6, 0, [1, 2]),
        ]
        self.assertEqual(
            [code for code, _id, _payload in rules.parse_commands(value)],
            [0, 0, 1, 2, 3, 4, 5, 6],
        )
        self.assertEqual(rules.parse_commands(False), [])

    def test_not_commands(self):
        for value in ("abc", ["abc"], [(0, 0, "x")], [(0,)], [[]], [{}], [5],
                      [(7, 0, 0)], [(6, 0, None)], [(6, 0, 5)], [(1, 3)],
                      [(True, 0, {})], {"a": 1}):
            self.refused("commands", rules.parse_commands, value)

    def test_ids_in_commands(self):
        for value in ([(1, "abc", {})], [(2, "abc")], [(4, 2 ** 31)],
                      [(6, 0, ["abc"])], [(6, 0, [2 ** 31])], [(3, 0)]):
            self.refused("command_id", rules.parse_commands, value)


class TestCheckValue(RulesCase):
    def test_dispatch_on_the_field_type(self):
        rules.check_value("binary", ["anything"])  # not checked here
        self.refused("text", rules.check_value, "char", ["x"])
        self.refused("text", rules.check_value, "text", {"a": 1})
        self.refused("integer", rules.check_value, "integer", "x")
        self.refused("date_invalid", rules.check_value, "date", "2024-02-30")
        self.refused("selection", rules.check_value, "selection", "weekly", ["monthly"])
        self.refused("id", rules.check_value, "many2one", "abc")
        self.refused("commands", rules.check_value, "one2many", "abc")

    def test_required(self):
        self.assertTrue(rules.missing_required("char", False))
        self.assertTrue(rules.missing_required("many2one", None))
        self.assertFalse(rules.missing_required("char", ""))
        self.assertFalse(rules.missing_required("integer", False))  # 0
        self.assertFalse(rules.missing_required("boolean", False))

    def test_text_argument(self):
        self.assertEqual(rules.text_argument("Thiếu số liệu"), "Thiếu số liệu")
        self.assertIsNone(rules.text_argument(False))
        for value in (123, ["x"], {"a": 1}, True):
            self.refused("text", rules.text_argument, value)


class TestSearches(RulesCase):
    def test_domain_shape(self):
        leaves = rules.domain_leaves(
            ["|", ("state", "=", "draft"), "!", ["unit_id.name", "ILIKE", "Văn"],
             (1, "=", 1)]
        )
        self.assertEqual(
            leaves, [("state", "=", "draft"), ("unit_id.name", "ilike", "Văn")]
        )
        self.assertEqual(rules.domain_leaves(False), [])
        for value in ("abc", [("a", "=")], ["x"], [("", "=", 1)], [(3, "=", 1)],
                      {"a": 1}):
            self.refused("domain", rules.domain_leaves, value)
        self.refused("domain_operator", rules.domain_leaves, [("a", "nope", 1)])
        for value in ({"a": 1}, [[1]], "a\x00", float("nan")):
            self.refused("domain_value", rules.domain_leaves, [("a", "=", value)])

    def test_domain_values_by_type(self):
        rules.check_domain_term("date", ("date", ">=", "2024-01-01"))
        rules.check_domain_term("date", ("date", ">=", "0001-01-01"))  # a bound
        rules.check_domain_term("datetime", ("d", "<", "2024-01-01 00:00:00"))
        rules.check_domain_term("many2one", ("unit_id", "=", "Văn phòng"))
        rules.check_domain_term("id", ("id", "in", [1, 2, False]))
        rules.check_domain_term("integer", ("sequence", "ilike", "1"))
        rules.check_domain_term("boolean", ("active", "=", "abc"))  # Odoo: True
        refused = [
            ("date", ("date", "=", "2024-02-30")),
            ("date", ("date", ">", 20240101)),
            ("id", ("id", "=", "abc")),
            ("id", ("id", "in", [1, "x"])),
            ("integer", ("sequence", "=", 1.5)),
            ("char", ("name", "=", 5)),
            ("selection", ("state", "in", ["draft", 1])),
            ("many2one", ("unit_id", "=", -1)),
        ]
        for field_type, leaf in refused:
            with self.subTest(leaf=leaf):
                self.refused("domain_value", rules.check_domain_term, field_type, leaf)

    def test_order_limit_names(self):
        self.assertEqual(rules.order_fields("date desc, id"), ["date", "id"])
        self.assertEqual(rules.order_fields('"date" DESC'), ["date"])
        self.assertEqual(rules.order_fields("date:month asc"), ["date"])
        self.assertEqual(rules.order_fields(False), [])
        for value in ("date desc;drop", "date sideways", 12, "a,", "(select 1)"):
            self.refused("order", rules.order_fields, value)
        rules.check_limit("limit", 80)
        rules.check_limit("limit", None)
        for value in ("x", -1, 2 ** 63, True, 1.5):
            self.refused("limit", rules.check_limit, "limit", value)
        self.assertEqual(rules.check_names("title"), ["title"])
        for value in (123, [1], [""], {"a": 1}):
            self.refused("names", rules.check_names, value)
        self.assertEqual(rules.groupby_spec("date:month"), ("date", "month"))
        self.refused("groupby", rules.groupby_spec, "date:fortnight")


class TestReportingRounds(RulesCase):
    def test_period_index(self):
        rules.check_period("monthly", 12)
        rules.check_period("quarterly", 4)
        rules.check_period("half_yearly", 2)
        rules.check_period("yearly", 7)  # ignored for a year
        for period_type, index in (("monthly", 0), ("monthly", 99), ("monthly", "x"),
                                   ("quarterly", 5), ("half_yearly", 3),
                                   ("monthly", -1), ("monthly", True)):
            self.refused("period", rules.check_period, period_type, index)
        self.refused("integer", rules.check_period, "yearly", "x")

    def test_deadline_days(self):
        rules.check_deadline_days(1)
        rules.check_deadline_days(rules.DEADLINE_DAYS_MAX)
        self.refused("deadline_days_low", rules.check_deadline_days, 0)
        self.refused("deadline_days_low", rules.check_deadline_days, False)
        self.refused("deadline_days_high", rules.check_deadline_days, 5000000)
        self.refused("integer", rules.check_deadline_days, "2")
