#!/usr/bin/env python3
"""Writes Stripe-shaped events signed as Stripe signs them, one per line: "<Stripe-Signature>\t<body>".

    webhook-events.py COUNT PREFIX SECRET > events.tsv

The signature is t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>, Stripe's
scheme; the events are checkout.session.expired, which the worker applies without asking
Stripe anything (an expired checkout was never paid).
"""
import hashlib
import hmac
import json
import sys
import time

count, prefix, secret = int(sys.argv[1]), sys.argv[2], sys.argv[3].encode()
now = int(time.time())
out = sys.stdout
for n in range(count):
    event = {
        "id": f"evt_{prefix}_{n}",
        "object": "event",
        "api_version": "2026-07-29.dahlia",
        "created": now,
        "data": {"object": {"id": f"cs_test_{prefix}_{n}", "object": "checkout.session", "mode": "subscription",
                            "status": "expired", "payment_status": "unpaid", "amount_total": 500,
                            "currency": "eur", "customer_email": None, "metadata": {}}},
        "livemode": False,
        "pending_webhooks": 1,
        "request": {"id": None, "idempotency_key": None},
        "type": "checkout.session.expired",
    }
    body = json.dumps(event)
    mac = hmac.new(secret, f"{now}.{body}".encode(), hashlib.sha256).hexdigest()
    out.write(f"t={now},v1={mac}\t{body}\n")
