"""Locust users for bench/run: each GETs the stub's status URL again and again, with no wait
between requests (a closed model, as fast as one Locust process goes). bench/run picks one class
per run on the command line: HttpStatusUser (requests-based HttpUser) or FastStatusUser
(geventhttpclient-based FastHttpUser). The path comes from BENCH_PATH."""
import os

from locust import HttpUser, task
from locust.contrib.fasthttp import FastHttpUser

PATH = os.environ.get("BENCH_PATH", "/api/v1/queue/status?token=00000000-0000-4000-8000-000000000001")


class HttpStatusUser(HttpUser):
    @task
    def status(self):
        self.client.get(PATH, name="status")


class FastStatusUser(FastHttpUser):
    @task
    def status(self):
        self.client.get(PATH, name="status")
