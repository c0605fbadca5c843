#!/usr/bin/env python3
"""The classic two-call recipe of benchmark 1, as a scheduler script would do it with `requests`:
log in (v2), then start the job by name and type. Usage: classic_recipe.py LOGIN_URL TASK_NAME TASK_TYPE"""
import sys

import requests

login_url, task_name, task_type = sys.argv[1:4]
login = requests.post(login_url + "/ma/api/v2/user/login",
                      json={"@type": "login", "username": "demo@example.com", "password": "demo-password"},
                      headers={"Accept": "application/json"}, timeout=60)
login.raise_for_status()
session = login.json()
job = requests.post(session["serverUrl"] + "/api/v2/job",
                    json={"@type": "job", "taskName": task_name, "taskType": task_type},
                    headers={"icSessionId": session["icSessionId"], "Accept": "application/json"}, timeout=60)
job.raise_for_status()
print(job.json()["runId"])
