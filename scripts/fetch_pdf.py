"""Print a report of the running server as a user, the way the browser does.

    python scripts/fetch_pdf.py LOGIN REPORT IDS OUT.pdf
e.g. python scripts/fetch_pdf.py leader gov_plan.report_gov_plan 1 /tmp/plan.pdf
(demo passwords equal the logins). Used to look at the documents as PNG:
pdftoppm -r 80 -png OUT.pdf PREFIX
"""

import json
import os
import sys
import urllib.request
from http.cookiejar import CookieJar

BASE = os.environ.get("GOV_PLAN_URL", "http://127.0.0.1:8069")
DB = os.environ.get("GOV_PLAN_DB", "gov_plan_demo")


def main(login, report, ids, out):
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(CookieJar())
    )
    payload = {
        "jsonrpc": "2.0",
        "method": "call",
        "params": {"db": DB, "login": login, "password": login},
    }
    request = urllib.request.Request(
        BASE + "/web/session/authenticate",
        json.dumps(payload).encode(),
        {"Content-Type": "application/json"},
    )
    answer = json.load(opener.open(request))
    if not answer.get("result", {}).get("uid"):
        sys.exit("login refused for %s" % login)
    response = opener.open("%s/report/pdf/%s/%s" % (BASE, report, ids))
    data = response.read()
    if not data.startswith(b"%PDF"):
        sys.exit("not a PDF: %s" % data[:300])
    with open(out, "wb") as handle:
        handle.write(data)
    print("%s: %d bytes" % (out, len(data)))


if __name__ == "__main__":
    main(*sys.argv[1:5])
