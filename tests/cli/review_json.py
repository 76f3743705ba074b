"""What 'ldr review --json' says of some items, one line each, for the
transcripts: the verdict and where it comes from (commits by subject, since
their ids and dates change on every run)."""
import json
import sys

review = json.load(sys.stdin)
items = {it["id"]: it for it in review["items"]}
print("period", review["period"], "as_of", review["as_of"], "baseline", review["baseline"]["rev"],
      "as_at", review["baseline"]["as_at"], "facts uncommitted", review["facts"]["uncommitted"],
      "commits", review["commits"])


def by(c):
    return c if not isinstance(c, dict) else "'%s'" % c["subject"]


for want in sys.argv[1:]:
    it = items[want]
    print(want, it["outcome"], "planned", it["planned"], "now", it["now"], "added", it["added"],
          "delivered", it["delivered"], "after review", it["delivered_after_review"],
          "before plan", it["done_before_plan"], "by", it["by"] and "%d %s" % (it["by"]["count"], it["by"]["unit"]),
          "recorded", by(it["recorded"]))
    for e in it["history"]:
        print("   ", e["change"], e["from"], "->", e["to"], by(e["by"]))
for q in review["data_quality"]:
    print("data quality:", q["id"], q["problem"], "fix:", q["fix"])
print("all", {k: v for k, v in review["all"].items() if v})
