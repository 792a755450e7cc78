"""The seed plan (tests/corpus/seed_*.txt, the real plan gov_plan started
from), entered through the models as its drafter would, prints as the seed:
a draft of the Sở Khoa học và Công nghệ, its basis as one opening sentence,
its body, its duties in section III (one of them for all the units, none
with a deadline in the text), its recipients and signature."""

import difflib
import os
import re

from .common import GovPlanCase
from .test_corpus import CORPUS, bag_difference, pdf_words

SEED = os.path.join(CORPUS, "seed_000_7bc7051d38cd9382.txt")


def seed_words():
    with open(SEED, encoding="utf-8") as handle:
        text = handle.read().replace("**", "")
    return text.split()


class TestSeed(GovPlanCase):
    def _seed_plan(self):
        with open(SEED, encoding="utf-8") as handle:
            lines = [line.strip() for line in handle if line.strip()]

        def between(start, end):
            first = lines.index(start) + 1
            return lines[first : lines.index(end)]

        purposes = [line[2:] for line in between("1. Mục đích", "2. Yêu cầu")]
        requirements = " ".join(between("2. Yêu cầu", "II. NỘI DUNG THỰC HIỆN"))
        requirements = [p.strip() for p in requirements.split("- ") if p.strip()]
        contents = [
            re.sub(r"^\d+\. ", "", line)
            for line in between("II. NỘI DUNG THỰC HIỆN", "III. TỔ CHỨC THỰC HIỆN")
        ]
        body = [("section", "MỤC ĐÍCH, YÊU CẦU", None), ("clause", "Mục đích", None)]
        body += [("dash", None, text) for text in purposes]
        body += [("clause", "Yêu cầu", None)]
        body += [("dash", None, text) for text in requirements]
        body += [("section", "NỘI DUNG THỰC HIỆN", None)]
        body += [("clause", None, text) for text in contents]
        body += [("section", "TỔ CHỨC THỰC HIỆN", None)]
        office = between(
            "1. Văn phòng Sở",
            "2. Trung tâm Nghiên cứu, Chuyển giao công nghệ và Đổi mới sáng tạo",
        )
        centre = between(
            "2. Trung tâm Nghiên cứu, Chuyển giao công nghệ và Đổi mới sáng tạo",
            "3. Phòng Quản lý khoa học",
        )
        science = between("3. Phòng Quản lý khoa học", "4. Các phòng, đơn vị thuộc Sở")
        everyone = between("4. Các phòng, đơn vị thuộc Sở", "Nơi nhận:")
        Dept = self.env["hr.department"]
        centre_unit = Dept.create(
            {"name": "Trung tâm Nghiên cứu, Chuyển giao công nghệ và Đổi mới sáng tạo"}
        )
        science_unit = Dept.create({"name": "Phòng Quản lý khoa học"})
        self.unit_a.name = "Văn phòng Sở"
        self.signer.name = "Nguyễn Hữu Thắng"

        def duty(sequence, unit, text, **extra):
            values = {
                "sequence": sequence,
                "name": text[:60],
                "description": text.rstrip("./").rstrip(),
                "unit_id": unit.id,
                "deadline_type": "none",
            }
            values.update(extra)
            return (0, 0, values)

        duties = [
            duty(1, self.unit_a, office[0][2:]),
            duty(2, self.unit_a, office[1][2:]),
        ]
        duties += [duty(3, centre_unit, centre[0]), duty(4, science_unit, science[0])]
        duties += [
            duty(
                5,
                self.unit_a,
                everyone[0],
                lead_type="all_units",
                lead_label="Các phòng, đơn vị thuộc Sở",
            )
        ]
        plan = self._plan(
            title=between("KẾ HOẠCH", lines[lines.index("KẾ HOẠCH") + 2])[0],
            date="2024-02-20",
            basis_layout="sentence",
            basis_ids=[
                (
                    0,
                    0,
                    {
                        "verb": "thuc_hien",
                        "document_type_id": self.type_kh.id,
                        "number": "75/KH-UBND",
                        "basis_date": "2024-03-29",
                        "date_style": "padded",
                        "issuer": "UBND tỉnh",
                        "summary": "về triển khai thực hiện Phong trào “Toàn dân "
                        "đoàn kết xây dựng đời sống văn hóa” năm 2024",
                    },
                )
            ],
            basis_intro="Sở Khoa học và Công nghệ xây dựng Kế hoạch tổ chức thực "
            "hiện như sau:",
            body_ids=[
                (
                    0,
                    0,
                    {
                        "sequence": index + 1,
                        "level": level,
                        "heading": heading,
                        "name": text,
                        "print_duties": heading == "TỔ CHỨC THỰC HIỆN",
                    },
                )
                for index, (level, heading, text) in enumerate(body)
            ],
            duty_ids=duties,
            recipient_ids=[
                (0, 0, {"sequence": 1, "name": "Sở Văn hóa, Thể thao và Du lịch"}),
                (0, 0, {"sequence": 2, "name": "Ban Giám đốc Sở"}),
                (0, 0, {"sequence": 3, "name": "Các phòng, đơn vị thuộc Sở"}),
            ],
            archive_note="VT",
        )
        return plan

    def test_the_seed_prints_as_the_seed(self):
        plan = self._seed_plan()
        printed = pdf_words(self, plan)
        original = seed_words()
        start_o, start_p = original.index("KẾ"), printed.index("KẾ")
        body_o = original[start_o : original.index("Nơi")]
        body_p = printed[start_p : printed.index("Nơi")]
        matcher = difflib.SequenceMatcher(None, body_o, body_p, autojunk=False)
        differences = [
            (" ".join(body_o[i1:i2]), " ".join(body_p[j1:j2]))
            for tag, i1, i2, j1, j2 in matcher.get_opcodes()
            if tag != "equal"
        ]
        self.assertEqual(differences, [], "%d words of the seed's body" % len(body_o))
        tail = bag_difference(
            original[original.index("Nơi") :], printed[printed.index("Nơi") :], True
        )
        # the seed glues "KT." to "GIÁM ĐỐC"
        self.assertEqual(tail, ("KT.GIÁM", ""))
