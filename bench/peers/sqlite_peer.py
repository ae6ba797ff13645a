#!/usr/bin/env python3
"""The Python sqlite3 peer of the benchmarks.

A long-running process that reads one JSON request per line on stdin and
answers one JSON line on stdout. Each operation is timed inside Python with
time.perf_counter_ns(), exactly around the database work, just as our side is
timed inside Node around the core call: neither side pays for the pipe.

Operations:
  open      {conn, path, pragmas}          connect (autocommit) and run the pragmas
  query     {conn, sql, params}            execute + fetchall; returns the row count
  open_list {path, pragmas, sql, params}   connect, pragmas, query, fetchall, close
  ack       {conn, key_b64, event, audit}  one durable acknowledgment: BEGIN IMMEDIATE,
                                           check the consultation is in progress, insert the
                                           event, read the audit head, compute the HMAC-SHA256
                                           chain link (same material as src/main/core/audit/chain.ts),
                                           insert the audit row, COMMIT
  close     {conn}
"""
import base64
import hashlib
import hmac
import json
import sqlite3
import sys
import time

conns = {}


def connect(path, pragmas):
    c = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    for p in pragmas:
        c.execute(p).fetchall()
    return c


def audit_hash(key, r):
    # JSON.stringify([id, at, actor_id, actor_name, action, entity_type, entity_id, detail, prev_hash])
    material = json.dumps(
        [r["id"], r["at"], r["actor_id"], r["actor_name"], r["action"], r["entity_type"], r["entity_id"], r["detail"], r["prev_hash"]],
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hmac.new(key, material.encode("utf-8"), hashlib.sha256).hexdigest()


def ack(c, key, event, audit):
    c.execute("BEGIN IMMEDIATE")
    try:
        row = c.execute("SELECT status FROM consultations WHERE id = ?", (event["consultation_id"],)).fetchone()
        if row is None or row[0] != "in_progress":
            raise RuntimeError("consultation is not in progress")
        cur = c.execute(
            "INSERT INTO consultation_events (consultation_id, kind, at, by_role, session_user_id, script_id, script_version,"
            " script_language, script_sha256, section_id, section_hash, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                event["consultation_id"], event["kind"], event["at"], event["by_role"], event["session_user_id"], event["script_id"],
                event["script_version"], event["script_language"], event["script_sha256"], event["section_id"], event["section_hash"],
                event["data"],
            ),
        )
        event_id = cur.lastrowid
        last = c.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        detail = dict(audit["detail"])
        if "eventIds" in detail:
            detail["eventIds"] = [event_id]
        r = {
            "id": (last[0] if last else 0) + 1,
            "at": event["at"],
            "actor_id": audit["actor_id"],
            "actor_name": audit["actor_name"],
            "action": audit["action"],
            "entity_type": audit["entity_type"],
            "entity_id": audit["entity_id"],
            "detail": json.dumps(detail, separators=(",", ":"), ensure_ascii=False),
            "prev_hash": last[1] if last else "genesis",
        }
        h = audit_hash(key, r)
        c.execute(
            "INSERT INTO audit_log (id, at, actor_id, actor_name, action, entity_type, entity_id, detail, prev_hash, hash)"
            " VALUES (?,?,?,?,?,?,?,?,?,?)",
            (r["id"], r["at"], r["actor_id"], r["actor_name"], r["action"], r["entity_type"], r["entity_id"], r["detail"], r["prev_hash"], h),
        )
        c.execute("COMMIT")
    except BaseException:
        c.execute("ROLLBACK")
        raise
    return event_id


def handle(req):
    op = req["op"]
    t0 = time.perf_counter_ns()
    out = {}
    if op == "open":
        conns[req["conn"]] = connect(req["path"], req.get("pragmas", []))
    elif op == "query":
        rows = conns[req["conn"]].execute(req["sql"], req.get("params", [])).fetchall()
        out["rows"] = len(rows)
        out["first"] = list(rows[0]) if rows else None
    elif op == "open_list":
        c = connect(req["path"], req.get("pragmas", []))
        rows = c.execute(req["sql"], req.get("params", [])).fetchall()
        c.close()
        out["rows"] = len(rows)
    elif op == "ack":
        key = base64.b64decode(req["key_b64"])
        t0 = time.perf_counter_ns()  # decoding the key is set-up, not the write
        out["event_id"] = ack(conns[req["conn"]], key, req["event"], req["audit"])
    elif op == "close":
        conns.pop(req["conn"]).close()
    elif op == "version":
        out["sqlite"] = sqlite3.sqlite_version
        out["python"] = sys.version.split()[0]
    else:
        raise ValueError("unknown op " + op)
    out["ms"] = (time.perf_counter_ns() - t0) / 1e6
    return out


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            res = {"ok": True, **handle(json.loads(line))}
        except Exception as e:  # reported to the runner, which stops the benchmark
            res = {"ok": False, "error": f"{type(e).__name__}: {e}"}
        sys.stdout.write(json.dumps(res) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
