#!/usr/bin/env python3
"""The reader workstation end to end in real headless Chromium (selenium + Debian's chromium-driver).

A technologist logs in, opens a phantom's baseline scan, clicks each target lesion at its ground-truth centre,
sees the contour, accepts it as a target; tracks the follow-up. A reader reviews: accepts the tracked
proposals and rejects any candidate new lesion (the phantom's follow-up has none: each is spurious). The
patient page shows the response. Then the database must hold exactly those rows, audited under those users.

Truth is independent of the server: the phantom's ground-truth.json (lesion centres, designed axes and
designed response), written by `nadir phantom`.

Usage: scripts/browser-test.py PATH/TO/nadir [--screenshots DIR]
Prints 'N passed, 0 failed' and exits 0 when every check holds, else exits 1.
"""
import json
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

SUBJECT, FOLLOW_UP = "DEMO-002", "WEEK 8"
checks = {"passed": 0, "failed": 0}


def check(condition, what):
    if condition:
        checks["passed"] += 1
        print(f"ok: {what}")
    else:
        checks["failed"] += 1
        print(f"FAILED: {what}")


def run(nadir, db, *args, stdin=None):
    result = subprocess.run([nadir, *args, "--db", db], input=stdin, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise SystemExit(f"nadir {' '.join(args)} failed: {result.stderr}")
    return result.stdout


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    nadir = os.path.abspath(sys.argv[1])
    shots = sys.argv[sys.argv.index("--screenshots") + 1] if "--screenshots" in sys.argv else None
    work = tempfile.mkdtemp(prefix="nadir-browser-")
    db = os.path.join(work, "nadir.sqlite")
    study = os.path.join(work, "study")
    subprocess.run([nadir, "phantom", "--out", study, "--scenario", "crc-new-lesion", "--size", "160", "--format", "nifti"],
                   check=True, capture_output=True, timeout=600)
    truth = json.load(open(os.path.join(study, "ground-truth.json")))
    run(nadir, db, "init")
    run(nadir, db, "trial", "add", "TRIAL-1")
    run(nadir, db, "patient", "add", SUBJECT, "--trial", "TRIAL-1", "--cancer-type", "crc")
    dates = {t["visit"]: t["date"] for t in truth["timepoints"]}
    for visit in ["BASELINE", FOLLOW_UP]:
        run(nadir, db, "scan", "import", SUBJECT, visit, os.path.join(study, visit.replace(" ", "_") + ".nii.gz"), "--date", dates[visit])
    run(nadir, db, "user", "add", "tech1", "--role", "technologist", stdin="tech-password-1\n")
    run(nadir, db, "user", "add", "reader1", "--role", "reader", stdin="reader-password-1\n")

    port = free_port()
    server = subprocess.Popen([nadir, "serve", "--db", db, "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        line = server.stdout.readline()
        check("listening" in line, f"server started ({line.strip()})")
        options = webdriver.ChromeOptions()
        for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000", "--disable-dev-shm-usage"]:
            options.add_argument(flag)
        options.binary_location = "/usr/bin/chromium"
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        wait = WebDriverWait(driver, 120)
        try:
            flow(driver, wait, base, truth, shots)
        finally:
            driver.quit()
    finally:
        server.terminate()
        server.wait(timeout=30)
    verify_database(db, truth)
    print(f"{checks['passed']} passed, {checks['failed']} failed")
    return 0 if checks["failed"] == 0 else 1


def login(driver, wait, base, name, password):
    driver.get(base + "/login")
    driver.find_element(By.ID, "login-name").send_keys(name)
    driver.find_element(By.ID, "login-password").send_keys(password)
    driver.find_element(By.ID, "login-submit").click()
    wait.until(lambda d: d.find_elements(By.ID, "worklist"))


def shot(driver, shots, name):
    if shots:
        os.makedirs(shots, exist_ok=True)
        driver.save_screenshot(os.path.join(shots, name))


def flow(driver, wait, base, truth, shots):
    # Every page but login needs a session.
    driver.get(base + "/")
    check(driver.current_url.endswith("/login"), "without a session the workstation redirects to /login")
    login(driver, wait, base, "tech1", "tech-password-1")
    shot(driver, shots, "worklist.png")
    driver.get(base + "/#/viewer/DEMO-002/BASELINE")
    wait.until(lambda d: d.execute_script("return nadir.viewers.length > 0 && !!nadir.viewers[0].slice"))
    Select(driver.find_element(By.ID, "place-reader")).select_by_visible_text("reader1")
    baseline = next(t for t in truth["timepoints"] if t["visit"] == "BASELINE")
    for lesion in baseline["lesions"]:
        centre = lesion["centre"]
        point = driver.execute_script("return await nadir.viewers[0].goTo(arguments[0]);", centre)
        canvas = driver.find_element(By.CSS_SELECTOR, "#viewer-host canvas")
        rect = driver.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.left, r.top, r.width, r.height];", canvas)
        ActionChains(driver).move_to_element_with_offset(
            canvas, int(round(point[0] - rect[0] - rect[2] / 2)), int(round(point[1] - rect[1] - rect[3] / 2))).click().perform()
        wait.until(lambda d: d.find_elements(By.ID, "preview-axes") or d.find_elements(By.ID, "preview-error"))
        axes = driver.find_elements(By.ID, "preview-axes")
        check(bool(axes), f"{lesion['id']}: clicking at its centre segments it ({axes[0].text if axes else 'refused'})")
        if not axes:
            continue
        long_axis = driver.execute_script("return nadir.viewers[0].preview.longAxisMM")
        # Designed long axis of the ellipsoid; the segmented one on 2.25 mm voxels is within 2 voxels.
        check(abs(long_axis - lesion["longAxis"]) <= 4.5, f"{lesion['id']}: long axis {long_axis} mm vs designed {lesion['longAxis']} mm (<= 4.5 mm apart)")
        cyan = driver.execute_script("""
            const c = document.querySelector('#viewer-host canvas'), d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i] === 0 && d[i + 1] === 229 && d[i + 2] === 255) n++; return n;""")
        check(cyan > 20, f"{lesion['id']}: the contour is drawn on the slice ({cyan} contour pixels)")
        shot(driver, shots, "place-lesion.png")
        Select(driver.find_element(By.ID, "place-role")).select_by_value("target")
        driver.find_element(By.ID, "place-accept").click()
        wait.until(lambda d: d.find_elements(By.ID, "placed") or d.find_elements(By.ID, "place-error"))
        check(bool(driver.find_elements(By.ID, "placed")), f"{lesion['id']}: accepted as a target")
    # Track the follow-up from the worklist.
    driver.get(base + "/#/worklist")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#worklist tr[data-visit]"))
    Select(driver.find_element(By.ID, "track-reader")).select_by_visible_text("reader1")
    row = driver.find_element(By.CSS_SELECTOR, f"#worklist tr[data-visit='{FOLLOW_UP}']")
    row.find_element(By.CSS_SELECTOR, "button.track").click()
    WebDriverWait(driver, 900).until(lambda d: "proposals" in d.find_element(By.ID, "message").text or "failed" in d.find_element(By.ID, "message").text)
    check("failed" not in driver.find_element(By.ID, "message").text, "tracking the follow-up finished: " + driver.find_element(By.ID, "message").text)
    driver.find_element(By.ID, "logout").click()
    wait.until(lambda d: d.current_url.endswith("/login"))

    # The reader reviews.
    login(driver, wait, base, "reader1", "reader-password-1")
    driver.get(base + "/#/review/DEMO-002/WEEK%208")
    wait.until(lambda d: d.find_elements(By.ID, "proposal-table") or d.find_elements(By.ID, "no-proposals"))
    shot(driver, shots, "review.png")
    decided = {"accepted": [], "rejected": []}
    for _ in range(20):
        rows = driver.find_elements(By.CSS_SELECTOR, "#proposal-table tr[data-lesion]")
        if not rows:
            break
        row = rows[0]
        lesion, kind = row.get_attribute("data-lesion"), row.get_attribute("data-kind")
        driver.execute_script("document.getElementById('message').textContent = '';")
        if kind == "candidate":
            row.find_element(By.CSS_SELECTOR, "input.reason").send_keys("spurious: no lesion designed here")
            row.find_element(By.CSS_SELECTOR, "button.reject").click()
            decided["rejected"].append(lesion)
        else:
            row.find_element(By.CSS_SELECTOR, "button.accept").click()
            decided["accepted"].append(lesion)
        wait.until(lambda d: d.find_element(By.ID, "message").text.strip() != "")
        message = driver.find_element(By.ID, "message").text
        check(message.startswith(lesion + ":"), f"{lesion} ({kind}): {message}")
        # The page reloads the proposals: wait until the decided row is gone.
        wait.until(lambda d: not d.find_elements(By.CSS_SELECTOR, f"#proposal-table tr[data-lesion='{lesion}']")
                   and (d.find_elements(By.ID, "proposal-table") or d.find_elements(By.ID, "no-proposals")))
    targets = sorted(l["id"] for l in truth["timepoints"][0]["lesions"])
    check(sorted(decided["accepted"]) == targets, f"the reader accepted the tracked targets {decided['accepted']} (designed {targets})")
    flow.rejected = decided["rejected"]
    print(f"candidates rejected as spurious: {decided['rejected']}")
    # The response on the patient page.
    driver.get(base + "/#/patient/DEMO-002")
    wait.until(lambda d: d.find_elements(By.ID, "assess"))
    driver.find_element(By.ID, "assess").click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "section.reader tr[data-visit] td.overall"))
    time.sleep(0.5)
    overall = {r.get_attribute("data-visit"): r.find_element(By.CSS_SELECTOR, "td.overall").text
               for r in driver.find_elements(By.CSS_SELECTOR, "section.reader tr[data-visit]")}
    designed = next(d["overall"] for d in truth["designedResponses"] if d["visit"] == FOLLOW_UP)
    check(overall.get(FOLLOW_UP) == designed, f"the patient page shows {FOLLOW_UP} {overall.get(FOLLOW_UP)} (designed {designed})")
    shot(driver, shots, "patient.png")
    # A reader cannot place lesions for someone else, and the technologist's write without CSRF is refused.
    status = driver.execute_script("""return fetch('/api/patients/DEMO-002/visits/BASELINE/lesions', {method: 'POST',
        headers: {'Content-Type': 'application/json'}, body: JSON.stringify({seed: [0, 0, 0], organ: 'LIVER', role: 'target'})}).then(r => r.status);""")
    check(status == 403, f"a write without the CSRF token is refused ({status})")


def verify_database(db, truth):
    connection = sqlite3.connect(db)
    targets = sorted(l["id"] for l in truth["timepoints"][0]["lesions"])
    lesions = sorted(r[0] for r in connection.execute("SELECT label FROM lesion WHERE subject_id = ?", (SUBJECT,)))
    check(lesions == targets, f"the database holds exactly the lesions {lesions} (placed {targets}; candidates deleted)")
    rows = connection.execute("""SELECT lesion.label, timepoint.visit, measurement.reader, measurement.review FROM measurement
        JOIN lesion ON lesion.id = measurement.lesion_id JOIN timepoint ON timepoint.id = measurement.timepoint_id ORDER BY 1, 2""").fetchall()
    expected = sorted((t, v, "reader1", "confirmed") for t in targets for v in ["BASELINE", FOLLOW_UP])
    check(sorted(rows) == expected, f"measurements are exactly {len(expected)} confirmed rows of reader1's read: {rows}")
    inserted_by = {r[0]: r[1] for r in connection.execute("SELECT lesion, user FROM audit WHERE entity = 'lesion' AND action = 'insert' AND lesion IN (%s)" % ",".join("?" * len(targets)), targets)}
    check(all(inserted_by.get(t) == "tech1" for t in targets), f"the target lesions were inserted under tech1 ({inserted_by})")
    confirmed_by = {r[0] for r in connection.execute("""SELECT user FROM audit WHERE entity = 'measurement' AND action = 'update'
        AND visit = ? AND json_extract(new_value, '$.review') = 'confirmed'""", (FOLLOW_UP,))}
    check(confirmed_by == {"reader1"}, f"the follow-up proposals were confirmed under reader1 ({confirmed_by})")
    rejected = getattr(flow, "rejected", [])
    deleted_by = {r[0] for r in connection.execute("SELECT user FROM audit WHERE entity = 'lesion' AND action = 'delete'")}
    check((deleted_by == {"reader1"}) if rejected else (deleted_by == set()), f"rejected candidates {rejected} were deleted under reader1 ({deleted_by})")
    users = {r[0] for r in connection.execute("SELECT DISTINCT user FROM audit WHERE entity IN ('lesion', 'measurement', 'segmentation', 'registration')")}
    check(users <= {"tech1", "reader1"} and "tech1" in users, f"every clinical change is audited under a logged-in user ({sorted(users)})")


if __name__ == "__main__":
    sys.exit(main())
