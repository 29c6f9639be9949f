#!/usr/bin/env python3
"""Writes a Patreon-shaped members export of N rows (default 100,000) to stdout: Patreon's
columns, a byte-order mark, Windows line ends, quoted names with commas, four tiers, three
currencies, monthly and annual patrons, and some declined and former ones."""
import csv
import datetime
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
random.seed(19)
today = datetime.date.today()
header = ["Name", "Email", "Discord", "Patron Status", "Follows You", "Lifetime Amount", "Pledge Amount",
          "Charge Frequency", "Tier", "Addressee", "Street", "City", "State", "Zip", "Country", "Phone",
          "Patronage Since Date", "Last Charge Date", "Last Charge Status", "Additional Details", "User ID",
          "Last Updated", "Currency", "Max Posts", "Access Expiration", "Next Charge Date"]
tiers = [("Reader", 300), ("Supporter", 1000), ("Gold Circle", 2500), ("Founding Member", 5000)]
out = csv.writer(sys.stdout, lineterminator="\r\n")
sys.stdout.write("\ufeff")
out.writerow(header)
for i in range(n):
    tier, amount = random.choice(tiers)
    annual = random.random() < 0.15
    status = random.choices(["Active patron", "Declined patron", "Former patron"], [85, 5, 10])[0]
    since = today - datetime.timedelta(days=random.randint(30, 2000))
    last = today - datetime.timedelta(days=random.randint(1, 28))
    nxt = last + datetime.timedelta(days=365 if annual else 30)
    pledge = amount * (10 if annual else 1)
    out.writerow([f"Patron {i}, the {random.choice(['Bold', 'Kind', 'Curious'])}", f"patron{i}@bench.example", "",
                  status, "Yes", f"{pledge * random.randint(1, 20) / 100:.2f}", f"{pledge / 100:.2f}",
                  "annual" if annual else "monthly", tier, "", "", "", "", "", "", "",
                  f"{since} 10:00:00.000000", f"{last} 10:00:00.000000", "Paid", "", str(100000 + i),
                  f"{last} 10:00:00.000000", random.choice(["USD", "EUR", "GBP"]), "", "",
                  f"{nxt} 10:00:00.000000" if status == "Active patron" else ""])
