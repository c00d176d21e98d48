# Builds a Slack workspace export (Slack's documented layout) for trying
# `scribe import N DIR|ZIP` from outside: two channels, inc-payments over two
# UTC days (2024-05-09 and 2024-05-10) and general on one day.
import json, os, zipfile, datetime as dt

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "slack_ws")
def ts(s, micro=0):
    t = dt.datetime.strptime(s, "%Y-%m-%d %H:%M:%S").replace(tzinfo=dt.timezone.utc)
    return "%d.%06d" % (int(t.timestamp()), micro)

users = [
    {"id": "U01LENA", "name": "lena", "real_name": "Lena Fischer", "profile": {"real_name": "Lena Fischer", "display_name": "lena"}},
    {"id": "U02OMAR", "name": "omar.h", "real_name": "Omar Haddad", "profile": {"real_name": "Omar Haddad", "display_name": "Omar"}},
    {"id": "U03PRIYA", "name": "pnair", "real_name": "Priya Nair", "profile": {"real_name": "Priya Nair", "display_name": ""}},
    {"id": "U04NEW", "name": "tkowalski", "real_name": "Tomasz Kowalski", "profile": {"real_name": "Tomasz Kowalski", "display_name": "tomek"}},
]
channels = [
    {"id": "C01PAY", "name": "inc-payments", "created": 1715280000, "members": ["U01LENA", "U02OMAR", "U03PRIYA", "U04NEW"], "topic": {"value": "SEV2 card payments failing"}, "purpose": {"value": ""}},
    {"id": "C02GEN", "name": "general", "created": 1600000000, "members": ["U01LENA", "U02OMAR"], "topic": {"value": ""}, "purpose": {"value": ""}},
]
p_ts = ts("2024-05-09 22:31:40")   # Omar's message pinned to the channel
t_ts = ts("2024-05-09 23:52:05")   # thread parent; one reply after midnight
day1 = [
    {"type": "message", "subtype": "channel_join", "user": "U01LENA", "text": "<@U01LENA> has joined the channel", "ts": ts("2024-05-09 22:14:02")},
    {"type": "message", "subtype": "bot_message", "bot_id": "B01PD", "username": "PagerDuty", "text": "Triggered: card-auth error rate > 5% (payments-api)", "ts": ts("2024-05-09 22:14:10")},
    {"type": "message", "user": "U01LENA", "text": "I'm IC. <@U02OMAR> can you look at payments-api? <@U03PRIYA> comms please", "ts": ts("2024-05-09 22:16:45"),
     "user_profile": {"real_name": "Lena Fischer", "display_name": "lena"}},
    {"type": "message", "subtype": "channel_join", "user": "U02OMAR", "text": "<@U02OMAR> has joined the channel", "ts": ts("2024-05-09 22:17:00")},
    {"type": "message", "user": "U02OMAR", "text": "Errors started right after deploy 2024.05.09-3 went out. Proposing rollback.", "ts": p_ts,
     "pinned_to": ["C01PAY"]},
    {"type": "message", "subtype": "pinned_item", "user": "U01LENA", "text": "<@U01LENA> pinned a message to this channel.", "ts": ts("2024-05-09 22:32:10"), "item_type": "C"},
    {"type": "message", "user": "U01LENA", "text": "Decision: roll back payments-api now.", "ts": ts("2024-05-09 22:33:00"),
     "reactions": [{"name": "pushpin", "users": ["U03PRIYA"], "count": 1}, {"name": "+1", "users": ["U02OMAR"], "count": 1}]},
    {"type": "message", "user": "U03PRIYA", "text": "Status page updated: investigating elevated card payment failures.", "ts": ts("2024-05-09 22:35:30")},
    {"type": "message", "user": "U02OMAR", "text": "Rollback done, error rate dropping", "ts": ts("2024-05-09 23:02:11")},
    {"type": "message", "user": "U01LENA", "text": "Before we close: did anyone check the refund queue?", "ts": t_ts,
     "thread_ts": t_ts, "reply_count": 2, "reply_users": ["U02OMAR"], "replies": [{"user": "U02OMAR", "ts": ts("2024-05-09 23:55:30")}, {"user": "U02OMAR", "ts": ts("2024-05-10 00:04:12")}]},
    {"type": "message", "user": "U02OMAR", "text": "Checking now", "ts": ts("2024-05-09 23:55:30"), "thread_ts": t_ts, "parent_user_id": "U01LENA"},
]
day2 = [
    {"type": "message", "user": "U02OMAR", "text": "Refund queue is fine, 0 stuck", "ts": ts("2024-05-10 00:04:12"), "thread_ts": t_ts, "parent_user_id": "U01LENA"},
    {"type": "message", "subtype": "channel_join", "user": "U04NEW", "text": "<@U04NEW> has joined the channel", "ts": ts("2024-05-10 07:58:00")},
    {"type": "message", "user": "U04NEW", "text": "Morning, I'll write the postmortem draft", "ts": ts("2024-05-10 08:01:30")},
    {"type": "message", "user": "U01LENA", "text": "Resolved. Thanks all, <@U04NEW> owns the write-up.", "ts": ts("2024-05-10 08:10:00")},
    {"type": "message", "subtype": "channel_leave", "user": "U02OMAR", "text": "<@U02OMAR> has left the channel", "ts": ts("2024-05-10 08:12:00")},
]
general = [
    {"type": "message", "user": "U02OMAR", "text": "lunch anyone?", "ts": ts("2024-05-09 11:00:00")},
]
def write(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(obj, f, indent=1, ensure_ascii=False)
write(os.path.join(out, "users.json"), users)
write(os.path.join(out, "channels.json"), channels)
write(os.path.join(out, "inc-payments", "2024-05-09.json"), day1)
write(os.path.join(out, "inc-payments", "2024-05-10.json"), day2)
write(os.path.join(out, "general", "2024-05-09.json"), general)
with zipfile.ZipFile(out + ".zip", "w") as z:
    for root, _, files in os.walk(out):
        for f in sorted(files):
            p = os.path.join(root, f)
            z.write(p, os.path.relpath(p, out))
print(out)
