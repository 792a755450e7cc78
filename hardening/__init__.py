"""Security hardening of the Odoo 11.0 snapshot (November 2018) under gov_plan.

Odoo published advisories after the snapshot; /work/shared/docs/SECURITY.md
lists those open for base, web, mail, hr and bus. Each piece below closes one
from outside Odoo's files (the wheels own them): model inheritance, controller
inheritance (controllers/main.py), or a patch applied at import where nothing
else reaches. Patches go through server.patch(), which keeps the original.

Server-wide: server.py and bus.py patch the server itself, before any
database loads; the set-up loads gov_plan as a server-wide module
(``server_wide_modules = base,web,gov_plan``, scripts/configure.sh), and
scripts/odoo-bin runs server.py before Odoo's command line starts. The
models of the other files act in databases where gov_plan is installed.

To drop a piece (e.g. on a supported Odoo that carries the fix): delete what
"piece" names, and its test. A file left empty can go with its import below.

CVE-2020-29396 (9.9) mail template renders ``datetime.sys`` -> code execution
    piece  sandbox.py: SAFE_DATETIME in the template globals
           (harden_template_environments), server actions (IrActions) and
           manual computed fields (harden_computed_fields)
    test   tests/test_security_sandbox.py TestTemplateSandbox
beyond the advisories (SECURITY.md): template -> object.sudo(), object.env.cr
    piece  sandbox.py: _template_is_safe_attribute/_callable; MailTemplate
           (templates written by Settings administrators only)
    test   tests/test_security_sandbox.py TestTemplateSandbox
CVE-2021-44476, CVE-2021-23166 (6.8, 8.7) server actions expose dateutil.tz
    piece  sandbox.py: SAFE_DATEUTIL in IrActions._get_eval_context
    test   tests/test_security_sandbox.py TestServerActionContext
CVE-2018-15632 (8.2) anyone initialises an empty database, logs in as admin
    piece  server.py: Registry.new and load_modules refuse an empty
           database outside install mode; common/object RPC refuse a database
           outside db_name/dbfilter. Settings: scripts/pg.sh (role without
           CREATEDB, no CONNECT on postgres/template1), scripts/configure.sh
           (dbfilter, list_db, admin_passwd); controllers/main.py Database
           (no database manager when list_db is off)
    needs  bus.py (Discuss without postgres), server.py list_dbs
    test   tests/test_security_database.py
CVE-2018-15645 (8.1) tracking commands in a message, written as superuser
    piece  mail.py: check_tracking_commands in MailMessage.create
    test   tests/test_security_mail.py TestTracking
beyond the advisories: tracking values posted by a client (any shape), a
forged "state: submitted -> approved" under the poster's name
    piece  mail.py: check_may_track in MailMessage and MailTrackingValue;
           MailThread.message_track holds the flag (odoo_flag, on the cursor)
    test   tests/test_security_mail.py TestTracking
beyond the advisories: every employee reads every activity (mail.activity has
no read check; reminders name the duty and how late it is)
    piece  mail.py: MailActivity._apply_ir_rules and check_access_rule (those
           of a gov.plan* record are read with the record: gov_document_clause,
           a rule in SQL); ResUsers.activity_user_count (the systray)
    test   tests/test_security_mail.py TestActivities
beyond the advisories: every employee reads and rewrites queued e-mails
(mail.mail: read, write, create for employees, no record rule)
    piece  mail.py: MailMail (those of a gov.plan* record are read with the
           record; write, unlink and send by the superuser, by their creator
           in the same transaction, by Settings administrators off gov
           records)
    test   tests/test_security_mail.py TestQueuedMails
CVE-2018-15634, CVE-2021-45071 (7.1, 5.3) markup in the upload callback page
    piece  controllers/main.py: Binary.upload, Binary.upload_attachment
    test   tests/test_security_web.py TestUploadCallback
CVE-2018-15638 (7.1) markup in Discuss channel names
    piece  mail.py: MailChannel
    test   tests/test_security_mail.py TestChannelName
CVE-2018-15631 (6.5) message_post links attachments one may not read
    piece  mail.py: filter_attachment_commands in MailMessage, MailComposeMessage
    test   tests/test_security_mail.py TestMessageAttachments
CVE-2018-15635 (5.9) record name unescaped in the invitation
    piece  mail.py: MailWizardInvite.default_get
    test   tests/test_security_mail.py TestInvite
CVE-2019-11783 (6.5) join any channel through mail.channel.partner
    piece  mail.py: MailChannelPartner
    test   tests/test_security_mail.py TestChannelMembership
CVE-2019-11784 (6.5) a created notification grants read access to a message
    piece  mail.py: MailNotification
    test   tests/test_security_mail.py TestNotification
CVE-2019-11785, CVE-2021-44465 (6.5, 5.3) followers without a rights check
    piece  mail.py: MailFollowers
    test   tests/test_security_mail.py TestFollowers
CVE-2019-11786 (4.3) translation wizards load terms as superuser
    piece  base.py: check_translation_admin in the three wizards
    test   tests/test_security_web.py TestTranslationWizards
CVE-2024-45840 (5.8) any file of an addon served through a URL attachment
    piece  base.py: IrHttp.binary_content
    test   tests/test_security_web.py TestUrlAttachment
CVE-2021-44460 (7.4) a deactivated user keeps a cached login
    piece  base.py: ResUsers.check
    test   tests/test_security_web.py TestDeactivatedUser
beyond the advisories (issue 9): bad input ends in a server error
    piece  rpc_input.py: call_kw asks gov_plan's models to check a method
           call (models/gov_plan_input_mixin.py); XML-RPC answers a
           ValidationError with its message, not a traceback
    test   tests/test_bad_input.py
beyond the advisories: the many2many_binary widget writes file names as HTML
(t-raw): markup in an evidence file's name ran script in other browsers
    piece  static/src/xml/file_names.xml (the manifest's "qweb"), outside
           this package: the web client loads templates from there
    test   tests/test_evidence.py TestFileNamesEscaped;
           scripts/evidence_names.js in the browser
"""

from . import server
from . import bus
from . import sandbox
from . import mail
from . import base
from . import rpc_input
