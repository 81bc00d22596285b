"""Audit the installed dependencies for known vulnerabilities (pip-audit), and say plainly
when the audit could not be made.

pip-audit asks a vulnerability service about each installed package. Where that service
cannot be reached (a machine with only a package mirror), it skips every package and
still prints "No known vulnerabilities found": this script reports that as SKIPPED, with
how many packages went unaudited, instead of as a pass. A known vulnerability fails.
"""

import json
import subprocess
import sys


def main() -> int:
    run = subprocess.run(
        [sys.executable, "-m", "pip_audit", "--progress-spinner", "off", "-f", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError:
        print(f"pip-audit: SKIPPED: it gave no report ({run.stderr.strip()[-300:]})")
        return 0
    dependencies = report["dependencies"]
    skipped = [d for d in dependencies if "skip_reason" in d]
    vulnerable = [d for d in dependencies if d.get("vulns")]
    for dependency in vulnerable:
        for vuln in dependency["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions", [])) or "no fix yet"
            name = f"{dependency['name']} {dependency['version']}"
            print(f"VULNERABLE {name}: {vuln['id']} (fixed in: {fixed})")
    audited = len(dependencies) - len(skipped)
    if vulnerable:
        return 1
    if audited == 0:
        print(
            f"pip-audit: SKIPPED: the vulnerability service could not be reached "
            f"({len(skipped)} of {len(dependencies)} packages unaudited)"
        )
        return 0
    print(f"pip-audit: no known vulnerabilities in {audited} packages", end="")
    print(f" ({len(skipped)} could not be audited)" if skipped else "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
