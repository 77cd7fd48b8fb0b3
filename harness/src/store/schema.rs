//! The schema of the results database and its ordered migrations.
//!
//! A new file gets version 1 and then every migration, so the path an old
//! file takes is the path every new file has taken too. An existing file
//! below the current version is first copied aside (`VACUUM INTO`), then
//! migrated in one transaction: it ends either fully migrated or untouched.

use rusqlite::Connection;

/// Version of the schema after every migration.
pub const SCHEMA_VERSION: i64 = 1 + MIGRATIONS.len() as i64;

/// Version 1, as the first releases wrote it.
pub const V1: &str = "
CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    suite TEXT NOT NULL,
    suite_path TEXT NOT NULL,
    options TEXT NOT NULL,
    status TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    trials_planned INTEGER NOT NULL,
    models TEXT NOT NULL,
    tasks TEXT NOT NULL
);
CREATE TABLE trials (
    run_id TEXT NOT NULL REFERENCES runs(id),
    id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    task TEXT NOT NULL,
    case_id TEXT NOT NULL,
    model TEXT NOT NULL,
    repeat INTEGER NOT NULL,
    request TEXT NOT NULL,
    expected TEXT,
    quality REAL,
    passed INTEGER NOT NULL,
    cost_usd REAL NOT NULL,
    cached INTEGER NOT NULL,
    attempts INTEGER NOT NULL,
    finished_at TEXT NOT NULL,
    PRIMARY KEY (run_id, id)
);
CREATE TABLE completions (
    run_id TEXT NOT NULL,
    trial_id TEXT NOT NULL,
    text TEXT NOT NULL,
    finish_reason TEXT NOT NULL,
    input_tokens INTEGER NOT NULL,
    output_tokens INTEGER NOT NULL,
    cached_input_tokens INTEGER NOT NULL,
    cache_write_tokens INTEGER NOT NULL,
    reasoning_tokens INTEGER NOT NULL,
    usage_estimated INTEGER NOT NULL,
    ttft_us INTEGER,
    total_us INTEGER NOT NULL,
    gaps_us TEXT NOT NULL,
    error_class TEXT,
    error_message TEXT,
    http_status INTEGER,
    PRIMARY KEY (run_id, trial_id)
);
CREATE INDEX completions_by_trial ON completions(trial_id);
CREATE TABLE scores (
    run_id TEXT NOT NULL,
    trial_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    scorer TEXT NOT NULL,
    weight REAL NOT NULL,
    value REAL NOT NULL,
    passed INTEGER NOT NULL,
    answer TEXT,
    reason TEXT NOT NULL,
    PRIMARY KEY (run_id, trial_id, position)
);
";

/// `MIGRATIONS[i]` takes a file from version `i + 1` to `i + 2`.
pub const MIGRATIONS: &[&str] = &[
    // v2: trial ids apart from cache keys; spend on failed attempts; the
    // run's models and tasks as tables (with prices, bars and identity);
    // the files a run was planned from; a lock per run; file digests.
    "
    ALTER TABLE runs ADD COLUMN lock_pid INTEGER;
    ALTER TABLE runs ADD COLUMN lock_host TEXT;
    ALTER TABLE runs ADD COLUMN locked_at TEXT;
    CREATE TABLE run_models (
        run_id TEXT NOT NULL REFERENCES runs(id),
        position INTEGER NOT NULL,
        id TEXT NOT NULL,
        provider TEXT NOT NULL,
        model TEXT NOT NULL,
        reference INTEGER NOT NULL,
        identity TEXT NOT NULL,
        base_url TEXT,
        api_version TEXT,
        api_key_env TEXT,
        input_per_mtok REAL,
        output_per_mtok REAL,
        cached_input_per_mtok REAL,
        cache_write_per_mtok REAL,
        reasoning_per_mtok REAL,
        hourly_usd REAL,
        price_source TEXT,
        PRIMARY KEY (run_id, position)
    );
    INSERT INTO run_models (run_id, position, id, provider, model, reference, identity)
        SELECT r.id, j.key, json_extract(j.value, '$.id'), json_extract(j.value, '$.provider'),
               json_extract(j.value, '$.model'), json_extract(j.value, '$.role') IS 'reference',
               '{}'
        FROM runs r, json_each(r.models) j;
    CREATE TABLE run_tasks (
        run_id TEXT NOT NULL REFERENCES runs(id),
        position INTEGER NOT NULL,
        id TEXT NOT NULL,
        description TEXT NOT NULL,
        min_quality REAL,
        margin REAL,
        p95_latency_ms REAL,
        requests_per_month INTEGER,
        max_error_rate REAL NOT NULL DEFAULT 0.02,
        PRIMARY KEY (run_id, position)
    );
    INSERT INTO run_tasks (run_id, position, id, description)
        SELECT r.id, j.key, json_extract(j.value, '$.id'), json_extract(j.value, '$.description')
        FROM runs r, json_each(r.tasks) j;
    ALTER TABLE runs DROP COLUMN models;
    ALTER TABLE runs DROP COLUMN tasks;
    CREATE TABLE run_sources (
        run_id TEXT NOT NULL REFERENCES runs(id),
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        PRIMARY KEY (run_id, path)
    );
    ALTER TABLE trials ADD COLUMN cache_key TEXT NOT NULL DEFAULT '';
    CREATE INDEX trials_by_cache_key ON trials(cache_key);
    ALTER TABLE trials ADD COLUMN failure_cost_usd REAL NOT NULL DEFAULT 0;
    ALTER TABLE completions ADD COLUMN retried_input_tokens INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE completions ADD COLUMN retried_output_tokens INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE completions ADD COLUMN retried_usage_estimated INTEGER NOT NULL DEFAULT 0;
    DROP INDEX completions_by_trial;
    CREATE TABLE file_digests (
        path TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        modified_ns INTEGER NOT NULL,
        sha256 TEXT NOT NULL
    );
    ",
    // v3: each task's regression thresholds (JSON), for comparisons with a
    // baseline; NULL for older runs, which keep the defaults.
    "
    ALTER TABLE run_tasks ADD COLUMN regression TEXT;
    ",
    // v4: the shard of the plan a run executes (`--shard I/N`; NULL for the
    // whole plan) and the whole plan's size, so merged shards know how many
    // trials make the run.
    "
    ALTER TABLE runs ADD COLUMN shard_index INTEGER;
    ALTER TABLE runs ADD COLUMN shard_count INTEGER;
    ALTER TABLE runs ADD COLUMN plan_trials INTEGER NOT NULL DEFAULT 0;
    UPDATE runs SET plan_trials = trials_planned;
    ",
    // v5: what each task's minimum and comparison measure (`pass_rate` or
    // `mean`); NULL for older runs, which held every task to its mean.
    "
    ALTER TABLE run_tasks ADD COLUMN quality_measure TEXT;
    ",
    // v6: objectives for the first token and the tokens after it, and
    // capacity sweeps: each load level measured against one model on one
    // task's prompts, so capacity reports and costs can be rebuilt.
    "
    ALTER TABLE run_tasks ADD COLUMN p95_ttft_ms REAL;
    ALTER TABLE run_tasks ADD COLUMN p95_tpot_ms REAL;
    CREATE TABLE capacity_sweeps (
        id TEXT PRIMARY KEY,
        suite TEXT NOT NULL,
        task TEXT NOT NULL,
        model TEXT NOT NULL,
        identity TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        slo TEXT NOT NULL,
        hourly_usd REAL,
        economics TEXT NOT NULL,
        goodput_rps REAL
    );
    CREATE TABLE capacity_levels (
        sweep_id TEXT NOT NULL REFERENCES capacity_sweeps(id),
        position INTEGER NOT NULL,
        level TEXT NOT NULL,
        PRIMARY KEY (sweep_id, position)
    );
    ",
    // v7: judges' calls about trials' answers: the reply, the verdict read
    // from it and its cost, kept apart from the trials' own.
    "
    CREATE TABLE judge_calls (
        run_id TEXT NOT NULL,
        trial_id TEXT NOT NULL,
        scorer INTEGER NOT NULL,
        judge TEXT NOT NULL,
        question TEXT NOT NULL,
        repeat INTEGER NOT NULL,
        cache_key TEXT NOT NULL,
        text TEXT NOT NULL,
        finish_reason TEXT NOT NULL,
        input_tokens INTEGER NOT NULL,
        output_tokens INTEGER NOT NULL,
        ttft_us INTEGER,
        total_us INTEGER NOT NULL,
        error_class TEXT,
        error_message TEXT,
        verdict TEXT,
        cost_usd REAL NOT NULL,
        cached INTEGER NOT NULL,
        PRIMARY KEY (run_id, trial_id, scorer, question, repeat)
    );
    ",
    // v8: the bars each task's judges are held to (JSON, by scorer place;
    // NULL for runs before them, read as the defaults).
    "ALTER TABLE run_tasks ADD COLUMN judge_bars TEXT;",
];

/// Applies the migrations from `version` on, in one transaction.
pub fn migrate(conn: &mut Connection, version: i64) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    if version == 0 {
        tx.execute_batch(V1)?;
    }
    for (i, step) in MIGRATIONS.iter().enumerate() {
        if version <= 1 + i as i64 {
            tx.execute_batch(step)?;
        }
    }
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{RunStatus, Store, StoreError};
    use crate::suite::QualityMeasure;
    use sizeup_runners::ErrorClass;

    /// Writes a version 1 database with one run, as the first release did.
    fn v1_file(path: &std::path::Path) {
        let conn = Connection::open(path).unwrap();
        conn.pragma_update(None, "journal_mode", "WAL").unwrap();
        conn.execute_batch(V1).unwrap();
        conn.execute_batch(include_str!("fixtures/v1.sql")).unwrap();
    }

    #[test]
    fn a_version_1_database_is_migrated_with_a_backup_and_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("results.db");
        v1_file(&path);
        let store = Store::open(&path).unwrap();
        let backup = dir.path().join("results.db.v1.bak");
        assert!(backup.is_file());
        let old = Connection::open(&backup).unwrap();
        let v: i64 = old
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, 1);

        let run = store.run("latest").unwrap();
        assert_eq!(run.id, "20261101-120000-abcd");
        assert_eq!(run.status, RunStatus::Interrupted);
        assert_eq!(run.trials_planned, 4);
        // Old runs ran the whole plan.
        assert_eq!((run.shard, run.plan_trials), (None, 4));
        let models = store.run_models(&run.id).unwrap();
        let ids: Vec<&str> = models.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["small", "big"]);
        assert!(!models[0].reference && models[1].reference);
        assert_eq!(models[1].model, "gpt-4o-mini");
        assert_eq!(models[0].cost, None);
        let tasks = store.run_tasks(&run.id).unwrap();
        assert_eq!(tasks[0].id, "ticket-triage");
        assert_eq!(tasks[0].description, "Route a support ticket.");
        // Old runs held their tasks to mean quality.
        assert_eq!(tasks[0].quality_measure, QualityMeasure::Mean);

        let mut rows = Vec::new();
        store.visit_trials(&run.id, true, |t| rows.push(t)).unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].scores[0].answer.as_deref(), Some("billing"));
        assert_eq!(rows[1].attempts, 2);
        assert_eq!(rows[2].error_class, Some(ErrorClass::Model));
        assert_eq!(rows[2].failure_cost_usd, 0.0);
        // Old trials have no cache key (their requests were hashed another
        // way), so no new run reuses them, and a resume runs them again.
        let ok = store.succeeded(&run.id).unwrap();
        assert_eq!(ok.len(), 2);
        assert!(ok.values().all(String::is_empty), "{ok:?}");
        drop(store);

        // Opening again neither migrates nor copies again.
        Store::open(&path).unwrap();
        assert!(!dir.path().join("results.db.v1.bak.1").exists());
    }

    #[test]
    fn a_failed_migration_leaves_the_file_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("results.db");
        v1_file(&path);
        // A table the migration is about to create already exists.
        Connection::open(&path)
            .unwrap()
            .execute_batch("CREATE TABLE run_models (x INTEGER)")
            .unwrap();
        let e = Store::open(&path).err().expect("the migration must fail");
        assert!(matches!(e, StoreError::Migration { from: 1, .. }), "{e:?}");
        let conn = Connection::open(&path).unwrap();
        let v: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, 1);
        let models: String = conn
            .query_row("SELECT models FROM runs", [], |r| r.get(0))
            .unwrap();
        assert!(models.starts_with("[{"));
    }
}
