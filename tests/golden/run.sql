PRAGMA user_version = 7;
CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    suite TEXT NOT NULL,
    suite_path TEXT NOT NULL,
    options TEXT NOT NULL,
    status TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    trials_planned INTEGER NOT NULL,
    lock_pid INTEGER, lock_host TEXT, locked_at TEXT, shard_index INTEGER, shard_count INTEGER, plan_trials INTEGER NOT NULL DEFAULT 0);
INSERT INTO "runs" VALUES('20261207-222219-55c1','golden','/tmp/.tmpbC0sP9/golden.yaml','{"suite":"/tmp/.tmpbC0sP9/golden.yaml","models":null,"prices":null,"tasks":[],"model_ids":[],"limit":null,"repeats":null,"shard":null}','finished','2026-12-07T22:22:19Z','2026-12-07T22:22:19Z',108,NULL,NULL,NULL,NULL,NULL,108);
INSERT INTO "runs" VALUES('20261207-222219-a54e','golden','/tmp/.tmpbC0sP9/golden.yaml','{"suite":"/tmp/.tmpbC0sP9/golden.yaml","models":null,"prices":null,"tasks":[],"model_ids":[],"limit":null,"repeats":null,"shard":null}','finished','2026-12-07T22:22:19Z','2026-12-07T22:22:19Z',108,NULL,NULL,NULL,NULL,NULL,108);
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
    finished_at TEXT NOT NULL, cache_key TEXT NOT NULL DEFAULT '', failure_cost_usd REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, id)
);
INSERT INTO "trials" VALUES('20261207-222219-55c1','a835cc0dec19d4b2b580a78e16b14b7f',0,'triage','ticket1','frontier',0,'{"messages":[{"role":"user","content":"ticket 1"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 1"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','1a173231677b4fb595a2bfe096fdd724',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','6b8099c3d031314f40a907ad1b9f49e0',6,'triage','ticket3','frontier',0,'{"messages":[{"role":"user","content":"ticket 3"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 3"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','c6d73d9cf7913139b9ce550fb9ef6b90',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','c43f9066b69599181c9e89ea0b70e507',9,'triage','ticket4','frontier',0,'{"messages":[{"role":"user","content":"ticket 4"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 4"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','9cb39bd776dea777ebe1f17a075c7943',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','a38367fc2464595a5766182dcd345c10',15,'triage','ticket6','frontier',0,'{"messages":[{"role":"user","content":"ticket 6"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 6"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','76ff49b49d80f3a2960233a89c6bcf57',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','dc2005a1f86eceffc9cea1905ff138cf',3,'triage','ticket2','frontier',0,'{"messages":[{"role":"user","content":"ticket 2"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 2"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','e4f43c97d316572c90b708e24baae712',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','638705f54f1a480ca0bf77014932b9b2',12,'triage','ticket5','frontier',0,'{"messages":[{"role":"user","content":"ticket 5"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 5"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','fe47eade91f84c4c3817d155af0b68f2',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','4c3190e725fb0e3d2b7240cc16a76700',18,'triage','ticket7','frontier',0,'{"messages":[{"role":"user","content":"ticket 7"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 7"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','0460a2cb2f05395323f38b4a913f1308',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','d3d366b5356645c651c9fbbde02bdff2',21,'triage','ticket8','frontier',0,'{"messages":[{"role":"user","content":"ticket 8"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 8"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','cb48a56984a9e9adffc5d5e060bb897d',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','9e92dea9a026732edf859744681dba23',1,'triage','ticket1','small',0,'{"messages":[{"role":"user","content":"ticket 1"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 1"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','05de3360f79795c40a9d5b8f38e1063b',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','2a0abe84bd8d92060a097e1b66d9c311',2,'triage','ticket1','tiny',0,'{"messages":[{"role":"user","content":"ticket 1"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 1"',1.0,1,6.082819444444444e-8,0,1,'2026-12-07T22:22:19Z','51f99d176af397fd11c04e62b642fcce',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','c6c8c86326d279ec305e86fdd56ba32f',5,'triage','ticket2','tiny',0,'{"messages":[{"role":"user","content":"ticket 2"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 2"',0.0,0,4.075388888888889e-8,0,1,'2026-12-07T22:22:19Z','a53fe702b336f75042ab485670434b7b',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','dab22d06e3501063c1b6fb8d16887393',24,'triage','ticket9','frontier',0,'{"messages":[{"role":"user","content":"ticket 9"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 9"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','e05c60feda6fd6335293b9a7c2cb7d3d',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','297ab5c8f38bc5db8dd3a0d48d34bd1c',8,'triage','ticket3','tiny',0,'{"messages":[{"role":"user","content":"ticket 3"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 3"',1.0,1,4.1195416666666664e-8,0,1,'2026-12-07T22:22:19Z','a2ea2b7c6bb23548a9814f161bc15520',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','63b28628ea1a37d16a2cb3a4b20e4d07',4,'triage','ticket2','small',0,'{"messages":[{"role":"user","content":"ticket 2"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 2"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','0bd1ddc11fb0b0c6e654792cbc2f4718',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','0f1bb9ccf90905ad42e1aa1d0709790c',14,'triage','ticket5','tiny',0,'{"messages":[{"role":"user","content":"ticket 5"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 5"',NULL,0,7.054541666666667e-8,0,1,'2026-12-07T22:22:19Z','9bbf1d18bb20acb3fe449d42202f8e50',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','4f6e82931cb2561b7db69654d9d8d577',33,'triage','ticket12','frontier',0,'{"messages":[{"role":"user","content":"ticket 12"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 12"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','21e92b2df92790adb21bd1f995f1cb47',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','6e978b663d0f5577b0bbae463c064a90',11,'triage','ticket4','tiny',0,'{"messages":[{"role":"user","content":"ticket 4"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 4"',0.0,0,1.0668708333333333e-7,0,1,'2026-12-07T22:22:19Z','ca3755271aa1ee1bc38fe822a3fe0093',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','5f164864fc04f89e6fa7baedb05bd2b7',10,'triage','ticket4','small',0,'{"messages":[{"role":"user","content":"ticket 4"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 4"',0.0,0,1.5e-6,0,1,'2026-12-07T22:22:19Z','31eddc218e936fdc918cc2c225f7c68e',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','6517ef0873fb2e83fabe8576260741ce',30,'triage','ticket11','frontier',0,'{"messages":[{"role":"user","content":"ticket 11"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 11"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','7330cce4a809a6b9618d6c66fa0cd7ad',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','733c9586c898d79b9016de3feba8274e',13,'triage','ticket5','small',0,'{"messages":[{"role":"user","content":"ticket 5"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 5"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','23556ae3a9ae11e0b64454de195626a5',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','2114403df80af0ceeae76c2715dd76fa',17,'triage','ticket6','tiny',0,'{"messages":[{"role":"user","content":"ticket 6"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 6"',0.0,0,3.719486111111111e-8,0,1,'2026-12-07T22:22:19Z','2be543fa3dfb4fed7cdd36ad4b41c814',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','848efbc54a84bba5606b6d1c574fbe1b',27,'triage','ticket10','frontier',0,'{"messages":[{"role":"user","content":"ticket 10"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 10"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','bdf3dd2faa50cd64c9b458069c07c7e3',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','502d25be110806aeb466111ad69a4976',7,'triage','ticket3','small',0,'{"messages":[{"role":"user","content":"ticket 3"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 3"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','38cdba8a3f68f6fec8f75df4bed7e456',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','0ad6e557a926611d57154b04cae68b58',20,'triage','ticket7','tiny',0,'{"messages":[{"role":"user","content":"ticket 7"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 7"',1.0,1,8.687805555555555e-8,0,1,'2026-12-07T22:22:19Z','d7a51627fc6553209a2b57eb6667ac0a',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','cd871754d3ef6471c67e320776cefd39',23,'triage','ticket8','tiny',0,'{"messages":[{"role":"user","content":"ticket 8"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 8"',0.0,0,9.850083333333333e-8,0,1,'2026-12-07T22:22:19Z','86667096f460d408117ec087201bb5db',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','da98c80f56fe98e66a0b280c8c7f8336',22,'triage','ticket8','small',0,'{"messages":[{"role":"user","content":"ticket 8"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 8"',0.0,0,1.5e-6,0,1,'2026-12-07T22:22:19Z','4e54e571b63123b2bcea5988f05eea27',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','923ffe614677f2f1a8fa194bcf78aa83',39,'triage','ticket14','frontier',0,'{"messages":[{"role":"user","content":"ticket 14"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 14"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','6145c2409f8d061975827882e6871194',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','80b2537ae22d3ea4e2c6fca617c21aa0',19,'triage','ticket7','small',0,'{"messages":[{"role":"user","content":"ticket 7"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 7"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','0e4ecb65597364c24062a8c5578755f0',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','b115a5886953c97f32df75899684ec3e',42,'triage','ticket15','frontier',0,'{"messages":[{"role":"user","content":"ticket 15"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 15"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','edbd0a52517141ddf6fda4a5d1e30066',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','fc660fe9b0d40c7255818aea5fd247a7',16,'triage','ticket6','small',0,'{"messages":[{"role":"user","content":"ticket 6"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 6"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','72da1be81e7d4ad664331bf711f234b2',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','001edff91ffab76d7328b83d715ab24a',36,'triage','ticket13','frontier',0,'{"messages":[{"role":"user","content":"ticket 13"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 13"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','c9ffd0c066d94e352b192c0eb351d2cf',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','ebeb69dfdddb0086baf7f5bfe43af538',45,'triage','ticket16','frontier',0,'{"messages":[{"role":"user","content":"ticket 16"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 16"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','5303bd9b676222bcaf934f59460db6f6',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','aa9a8892413a58183f24defc2cb1f248',31,'triage','ticket11','small',0,'{"messages":[{"role":"user","content":"ticket 11"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 11"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','f28c37292b2c2cba169e3ab5e24a0fe8',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','115f3682cb6c3cecde6c90fb060f9a81',51,'triage','ticket18','frontier',0,'{"messages":[{"role":"user","content":"ticket 18"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 18"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','e58396abcabad4a22c5641f74b6d9ff3',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','a7e43d65bd99b5e92fc66571a69e6157',25,'triage','ticket9','small',0,'{"messages":[{"role":"user","content":"ticket 9"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 9"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','4a163ea8e485d1e094028aece64f88f5',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','974ffd152f220c066156f17326b7fdfc',26,'triage','ticket9','tiny',0,'{"messages":[{"role":"user","content":"ticket 9"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 9"',1.0,1,1.5508513888888888e-7,0,1,'2026-12-07T22:22:19Z','279bf8f35cebfbd9c475a9253a369224',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','c278e4dbb2b2678be130ee9e7717bc25',48,'triage','ticket17','frontier',0,'{"messages":[{"role":"user","content":"ticket 17"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 17"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','223de5f43b2c9140a9ce51e72e2e27da',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','5ed2167c9f77bcbfc42a7852b494ce0a',54,'triage','ticket19','frontier',0,'{"messages":[{"role":"user","content":"ticket 19"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 19"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','d101a619613beeb09a60cf6c5f77933f',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','d2c5039aac7760d37970ebe4d8ecad3e',28,'triage','ticket10','small',0,'{"messages":[{"role":"user","content":"ticket 10"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 10"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','139acce3c19018e02e690a246bb3b31b',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','ded88cb2c3c6fd0d13ee42a8339f01c3',29,'triage','ticket10','tiny',0,'{"messages":[{"role":"user","content":"ticket 10"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 10"',NULL,0,4.586819444444444e-8,0,1,'2026-12-07T22:22:19Z','1c486a3f962a3218720b9daea58f5192',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','852cf6072ececc8576b220ccf7018b55',63,'triage','ticket22','frontier',0,'{"messages":[{"role":"user","content":"ticket 22"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 22"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','094b608a7b833d2c917716c67c4341c2',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','e756fe4c499bd3985f3cb58d18017735',34,'triage','ticket12','small',0,'{"messages":[{"role":"user","content":"ticket 12"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 12"',0.0,0,1.5e-6,0,1,'2026-12-07T22:22:19Z','ac544900cb3414c87bc303eb653752e1',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','609708fb6bb27ceb7945d8a0df4f1366',32,'triage','ticket11','tiny',0,'{"messages":[{"role":"user","content":"ticket 11"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 11"',1.0,1,6.290625e-8,0,1,'2026-12-07T22:22:19Z','17ec490bf19d22d97f430a9fdf8c9d5d',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','584ffecfd30bcf499e11a190d3d39fd5',35,'triage','ticket12','tiny',0,'{"messages":[{"role":"user","content":"ticket 12"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 12"',0.0,0,5.857208333333333e-8,0,1,'2026-12-07T22:22:19Z','f77a659eed120385c6153434936b6083',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','2d2832f7e3c2f0ef5e4ee2e83a648427',57,'triage','ticket20','frontier',0,'{"messages":[{"role":"user","content":"ticket 20"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 20"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','ff0199f970116681ae09cf58d107b16b',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','2aaf98109b4926bb4c4344d5e33f8624',66,'triage','ticket23','frontier',0,'{"messages":[{"role":"user","content":"ticket 23"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 23"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','675557892b71895d42746b6b88feeb7d',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','c54f6564abe847e16f9e92579aee555a',37,'triage','ticket13','small',0,'{"messages":[{"role":"user","content":"ticket 13"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 13"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','5600c3a14f45ff03bb13161dfe2363fa',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','8ff415d7dcff0e64c4b586a0e22ad2fb',60,'triage','ticket21','frontier',0,'{"messages":[{"role":"user","content":"ticket 21"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 21"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','cfa9818dfbe5229480084eeb27fc0837',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','ce4dfef58132d57b0215653f719cea7e',40,'triage','ticket14','small',0,'{"messages":[{"role":"user","content":"ticket 14"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 14"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','d6b88a1bfa9deb872b88e4735155bfea',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','e62745ee52d2a8b3a70ee0f4452f89af',69,'triage','ticket24','frontier',0,'{"messages":[{"role":"user","content":"ticket 24"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 24"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','e92a6ed485e916f571aec2a6b998e666',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','ede133977c824ff4014810da8e643a0a',44,'triage','ticket15','tiny',0,'{"messages":[{"role":"user","content":"ticket 15"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 15"',NULL,0,3.1487222222222224e-8,0,1,'2026-12-07T22:22:19Z','4d0dc4cc0fea19e5e594f3e84aa83ecc',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','864b2ddc90a172f867e5aa4aa7da9f4d',38,'triage','ticket13','tiny',0,'{"messages":[{"role":"user","content":"ticket 13"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 13"',1.0,1,7.161e-8,0,1,'2026-12-07T22:22:19Z','bf8a020b8bd583330ada4a3905a4553b',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','69c668ab1adb3f6f0b8f6c189b2961a0',41,'triage','ticket14','tiny',0,'{"messages":[{"role":"user","content":"ticket 14"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 14"',0.0,0,6.057527777777777e-8,0,1,'2026-12-07T22:22:19Z','6dd2747aba7f05c0db3a6ba63fde0538',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','4b59210963d91decc684efeea4f599fa',46,'triage','ticket16','small',0,'{"messages":[{"role":"user","content":"ticket 16"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 16"',0.0,0,1.5e-6,0,1,'2026-12-07T22:22:19Z','7925c89bade5fe7f1afa9ec87a8f80f7',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','0890497a94122ad00e8b95e282392183',75,'lookup','order2','frontier',0,'{"messages":[{"role":"user","content":"order 2"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 2"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','623277e4adb3a7ecd95d41850f8fa6bf',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','b6752eea8c9e7c690a160407a0cdc56a',72,'lookup','order1','frontier',0,'{"messages":[{"role":"user","content":"order 1"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 1"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','c0572b428cc2d4f01a6f6dbc7831efbd',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','8a49d47bfb03726159d75deb1d1163b4',43,'triage','ticket15','small',0,'{"messages":[{"role":"user","content":"ticket 15"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 15"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','c89fe50eb0c4ee75c9a8c2b64d535fd8',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','35a5b37b4d2e1f720d7193a31deda127',49,'triage','ticket17','small',0,'{"messages":[{"role":"user","content":"ticket 17"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 17"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','9f84d9c8c0559dac8721c36a22596a05',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','5b71f641aaad32613d8bb996835ec463',47,'triage','ticket16','tiny',0,'{"messages":[{"role":"user","content":"ticket 16"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 16"',0.0,0,7.032513888888888e-8,0,1,'2026-12-07T22:22:19Z','7cceddd02ed7c68944bd21223616a170',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','bea04b001744ce2e139c36300977db7d',50,'triage','ticket17','tiny',0,'{"messages":[{"role":"user","content":"ticket 17"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 17"',1.0,1,3.621444444444444e-8,0,1,'2026-12-07T22:22:19Z','cb6ed3fb489fc64606473dc4aed492e9',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','077b6c6d909ed40bf311b052ffc83d86',81,'lookup','order4','frontier',0,'{"messages":[{"role":"user","content":"order 4"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 4"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','0d628e8f925f1f0734a2b04befeb93eb',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','dc00fd70290348c52066a63738133613',52,'triage','ticket18','small',0,'{"messages":[{"role":"user","content":"ticket 18"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 18"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','8379f657c3afb6fabe2fb95a7cd50b5a',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','78f197da7f75f1f38555cc756ce1e248',55,'triage','ticket19','small',0,'{"messages":[{"role":"user","content":"ticket 19"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 19"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','b67383129c0b55ab94aa1bb4cc814b41',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','e6942100a8b20adbb4950f526c42fdb5',53,'triage','ticket18','tiny',0,'{"messages":[{"role":"user","content":"ticket 18"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 18"',0.0,0,3.4540277777777776e-8,0,1,'2026-12-07T22:22:19Z','3dbbf2fbf753a4faabf97806b063e798',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','439857b1d4941b6fdd57196ac49f71f0',84,'lookup','order5','frontier',0,'{"messages":[{"role":"user","content":"order 5"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 5"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','da080f7cb482132263919b09671db886',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','89f3abbc92444ec635ef324495486168',78,'lookup','order3','frontier',0,'{"messages":[{"role":"user","content":"order 3"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 3"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','d5312e737913e7a389756b3ac1773990',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','496c099daaf9e9f252c8b4be11db8590',58,'triage','ticket20','small',0,'{"messages":[{"role":"user","content":"ticket 20"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 20"',0.0,0,1.5e-6,0,1,'2026-12-07T22:22:19Z','df2441e4d63ec730b02e25432fa261d1',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','a4bf153c095d98450de866f568f9358e',87,'lookup','order6','frontier',0,'{"messages":[{"role":"user","content":"order 6"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 6"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','dd46ab4fdc187f6b0e8659d402e5b244',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','cc3a091fdb20778b4ab802465e8ccd24',56,'triage','ticket19','tiny',0,'{"messages":[{"role":"user","content":"ticket 19"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 19"',1.0,1,4.8284583333333334e-8,0,1,'2026-12-07T22:22:19Z','adeb5c97abdf67d768c7f966363c8c24',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','31a8df8f13e1bfd4f5cc9ce7360cf36e',59,'triage','ticket20','tiny',0,'{"messages":[{"role":"user","content":"ticket 20"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 20"',NULL,0,4.8394027777777775e-8,0,1,'2026-12-07T22:22:19Z','d3ac101b53d50b894dedbba7a6eac3a6',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','fd02e3c22a2a90076555b282f268a6f7',90,'lookup','order7','frontier',0,'{"messages":[{"role":"user","content":"order 7"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 7"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','f81c48b21e5b93f1480f00858b00cac0',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','eb8b32769175ff066f288a7cb48e3733',62,'triage','ticket21','tiny',0,'{"messages":[{"role":"user","content":"ticket 21"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 21"',1.0,1,4.034208333333333e-8,0,1,'2026-12-07T22:22:19Z','8831bd015b918de055b4d6926c45040b',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','7188051dc99a944c49139df7a27e1fc8',61,'triage','ticket21','small',0,'{"messages":[{"role":"user","content":"ticket 21"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 21"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','740e6fc2d7f919b99caddab3640f419a',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','394a789f4e31f80137169d016c4291d0',64,'triage','ticket22','small',0,'{"messages":[{"role":"user","content":"ticket 22"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 22"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','04f390aaa27fd9c3111a0c4bb6da79f2',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','3d039deccfb10f591b6dce443c6e6a25',70,'triage','ticket24','small',0,'{"messages":[{"role":"user","content":"ticket 24"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 24"',0.0,0,1.5e-6,0,1,'2026-12-07T22:22:19Z','9dee5d9ec0f8d9c89e7ed146511f23bb',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','2686ae15e2668efef3d2512c93432e9e',68,'triage','ticket23','tiny',0,'{"messages":[{"role":"user","content":"ticket 23"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 23"',1.0,1,7.826277777777778e-8,0,1,'2026-12-07T22:22:19Z','6baf5751833085df339a84a22158aa01',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','d36f89d732533ebd34b5ba6ab8a188c9',96,'lookup','order9','frontier',0,'{"messages":[{"role":"user","content":"order 9"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 9"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','b27c07db3b56560dbab89c9ba93a14fc',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','1c8dfc722748c197f844ab03a7a96f90',65,'triage','ticket22','tiny',0,'{"messages":[{"role":"user","content":"ticket 22"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 22"',0.0,0,1.0130625e-7,0,1,'2026-12-07T22:22:19Z','9d3a37b90a39dc5b7b392488ec147817',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','d8e9ff76482483ec239ae4c96270e281',93,'lookup','order8','frontier',0,'{"messages":[{"role":"user","content":"order 8"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 8"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','21741d034381257f5c7506155bb9fb40',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','b88a13379a0796de473dc70a7ca17839',102,'lookup','order11','frontier',0,'{"messages":[{"role":"user","content":"order 11"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 11"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','d4b8f91835bc8f1d59abaca719cbb6fd',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','be640e94fd8b029645fc19a19e99fb50',67,'triage','ticket23','small',0,'{"messages":[{"role":"user","content":"ticket 23"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 23"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','0f47753d83b90fd0d2dc7883db6da1e3',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','33d33d667fbc776d11f9566af124b956',99,'lookup','order10','frontier',0,'{"messages":[{"role":"user","content":"order 10"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 10"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','be3479fbe60483452219311903bda4f1',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','3a663cedc7aadc1ac97c2769cf2e6628',79,'lookup','order3','small',0,'{"messages":[{"role":"user","content":"order 3"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 3"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','9ded3ec4cddc8c74794e79948f48ffc6',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','3adcbff4e3c28cddda9190069713f784',76,'lookup','order2','small',0,'{"messages":[{"role":"user","content":"order 2"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 2"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','43dcfa2f568dd56956ce7948c541699f',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','9828e3a7967f7dbdbb68f82b3f059b96',71,'triage','ticket24','tiny',0,'{"messages":[{"role":"user","content":"ticket 24"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 24"',0.0,0,3.479694444444445e-8,0,1,'2026-12-07T22:22:19Z','ce66515311d70ef7e5be2f31a8c68f02',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','7fae69c583ef2ceee25e21ce02a357f5',85,'lookup','order5','small',0,'{"messages":[{"role":"user","content":"order 5"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 5"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','68865ac5e8a4c207e5747069d1d33b26',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','fa1768993b2388407a9b928aa8935859',82,'lookup','order4','small',0,'{"messages":[{"role":"user","content":"order 4"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 4"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','15fe6972238f3cb7d06679c4dea5b6fb',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','06a05ac2f96a64c58bff14040fe61aa7',88,'lookup','order6','small',0,'{"messages":[{"role":"user","content":"order 6"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 6"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','0687de6fdb3a1f9a7a2b090c5f4a190f',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','df8e8954893b6bbb92fed9e06f8accef',77,'lookup','order2','tiny',0,'{"messages":[{"role":"user","content":"order 2"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 2"',0.5,0,1.3764583333333333e-8,0,1,'2026-12-07T22:22:19Z','c37f9fd97ae43c049e92f73b8aaae34a',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','ee0372409fe59e889aa3c5d77c9c0660',105,'lookup','order12','frontier',0,'{"messages":[{"role":"user","content":"order 12"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 12"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','5e4db5621da5d8a09d91bc86f06903cc',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','b4799a32a7166a4db271e59fd5067661',73,'lookup','order1','small',0,'{"messages":[{"role":"user","content":"order 1"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 1"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','1a9b45df81973e6ea971cf4505dbab78',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','680e141effd85c35a7a974d84a29fb83',83,'lookup','order4','tiny',0,'{"messages":[{"role":"user","content":"order 4"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 4"',0.5,0,2.0180277777777778e-8,0,1,'2026-12-07T22:22:19Z','c9f3f639414f444118bea6b26fbf1ec7',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','21af9744cca0adc0b9188305e0b8a341',91,'lookup','order7','small',0,'{"messages":[{"role":"user","content":"order 7"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 7"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','bf1550f83092f33de4b1f4653dcbadd2',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','bd1b48022d5c9f120982c2bd84f71673',94,'lookup','order8','small',0,'{"messages":[{"role":"user","content":"order 8"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 8"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','d597a1ee5ea0756451bdacb9e529abe7',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','8e5110feb04980da3ddd85fe2ac668e9',97,'lookup','order9','small',0,'{"messages":[{"role":"user","content":"order 9"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 9"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','68977f92a0ce0a010831737b5d6f64ea',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','cafd4bfbe55a9285ea73109377824b91',80,'lookup','order3','tiny',0,'{"messages":[{"role":"user","content":"order 3"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 3"',1.0,1,5.077402777777778e-8,0,1,'2026-12-07T22:22:19Z','79096954462d7ae73b7f8b7caa27cfcc',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','069617277608de8dc1dd0c1219601415',100,'lookup','order10','small',0,'{"messages":[{"role":"user","content":"order 10"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 10"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','83653ff848bd2189c11736ecbe595538',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','de608218f0a4dd9b91f2019e28ea235a',103,'lookup','order11','small',0,'{"messages":[{"role":"user","content":"order 11"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 11"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','faa5ba930b57452595a4dc0f81ef8f47',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','65f38095e69f106e6b6d1a7054a2f965',106,'lookup','order12','small',0,'{"messages":[{"role":"user","content":"order 12"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 12"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','6b77f63accaca3da8b53d81fc4cc6f34',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','310f2630d818c32eeb2802d24d63083d',89,'lookup','order6','tiny',0,'{"messages":[{"role":"user","content":"order 6"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 6"',0.5,0,1.9773194444444444e-8,0,1,'2026-12-07T22:22:19Z','52a13866a71e28dcd72e4fcdfe662bc5',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','156a9ea62bd2e999445cebfb81991c50',86,'lookup','order5','tiny',0,'{"messages":[{"role":"user","content":"order 5"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 5"',NULL,0,2.0030555555555556e-8,0,1,'2026-12-07T22:22:19Z','de76f475a170138350aa0e9d135354c2',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','56b29ade3925973e0b594e171cc5b973',92,'lookup','order7','tiny',0,'{"messages":[{"role":"user","content":"order 7"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 7"',1.0,1,2.263152777777778e-8,0,1,'2026-12-07T22:22:19Z','252045a6f9f7170f4ac814d6b0cb434b',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','fd8a4ac4c8523a916ef3db435f429a50',98,'lookup','order9','tiny',0,'{"messages":[{"role":"user","content":"order 9"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 9"',1.0,1,2.177763888888889e-8,0,1,'2026-12-07T22:22:19Z','dcbf70da5d523bf6514c011694501427',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','d9e040aeabefb5d1e83e1cdba0d414fa',101,'lookup','order10','tiny',0,'{"messages":[{"role":"user","content":"order 10"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 10"',NULL,0,1.3934027777777778e-8,0,1,'2026-12-07T22:22:19Z','e90150d7390552f23d4e4319c6713453',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','26f21046d14e547a4f5ceac7c1cb90b9',95,'lookup','order8','tiny',0,'{"messages":[{"role":"user","content":"order 8"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 8"',0.5,0,2.701347222222222e-8,0,1,'2026-12-07T22:22:19Z','4160659d4b487d36969e7a5134074b57',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','abc117d3f28cd699604f68713e10e7c3',107,'lookup','order12','tiny',0,'{"messages":[{"role":"user","content":"order 12"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 12"',0.5,0,1.2917638888888889e-8,0,1,'2026-12-07T22:22:19Z','62d225dce62f0a67a244a53a2e86b7b8',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','007d7e939a4e76f42037f2d028649759',104,'lookup','order11','tiny',0,'{"messages":[{"role":"user","content":"order 11"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 11"',1.0,1,1.7164583333333334e-8,0,1,'2026-12-07T22:22:19Z','6f382f6d1a26148fd19208a35694fd29',0.0);
INSERT INTO "trials" VALUES('20261207-222219-55c1','affe164e946619cc5f5c58e3f175811f',74,'lookup','order1','tiny',0,'{"messages":[{"role":"user","content":"order 1"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 1"',1.0,1,1.885484722222222e-7,0,1,'2026-12-07T22:22:19Z','1db2e695a28faf2d3e39eec8bf78f3e4',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','a38367fc2464595a5766182dcd345c10',15,'triage','ticket6','frontier',0,'{"messages":[{"role":"user","content":"ticket 6"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 6"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','76ff49b49d80f3a2960233a89c6bcf57',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','4c3190e725fb0e3d2b7240cc16a76700',18,'triage','ticket7','frontier',0,'{"messages":[{"role":"user","content":"ticket 7"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 7"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','0460a2cb2f05395323f38b4a913f1308',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','6b8099c3d031314f40a907ad1b9f49e0',6,'triage','ticket3','frontier',0,'{"messages":[{"role":"user","content":"ticket 3"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 3"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','c6d73d9cf7913139b9ce550fb9ef6b90',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','c43f9066b69599181c9e89ea0b70e507',9,'triage','ticket4','frontier',0,'{"messages":[{"role":"user","content":"ticket 4"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 4"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','9cb39bd776dea777ebe1f17a075c7943',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','d3d366b5356645c651c9fbbde02bdff2',21,'triage','ticket8','frontier',0,'{"messages":[{"role":"user","content":"ticket 8"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 8"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','cb48a56984a9e9adffc5d5e060bb897d',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','638705f54f1a480ca0bf77014932b9b2',12,'triage','ticket5','frontier',0,'{"messages":[{"role":"user","content":"ticket 5"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 5"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','fe47eade91f84c4c3817d155af0b68f2',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','dab22d06e3501063c1b6fb8d16887393',24,'triage','ticket9','frontier',0,'{"messages":[{"role":"user","content":"ticket 9"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 9"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','e05c60feda6fd6335293b9a7c2cb7d3d',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','a835cc0dec19d4b2b580a78e16b14b7f',0,'triage','ticket1','frontier',0,'{"messages":[{"role":"user","content":"ticket 1"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 1"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','1a173231677b4fb595a2bfe096fdd724',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','2a0abe84bd8d92060a097e1b66d9c311',2,'triage','ticket1','tiny',0,'{"messages":[{"role":"user","content":"ticket 1"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 1"',1.0,1,6.777236111111111e-8,0,1,'2026-12-07T22:22:19Z','51f99d176af397fd11c04e62b642fcce',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','9e92dea9a026732edf859744681dba23',1,'triage','ticket1','small',0,'{"messages":[{"role":"user","content":"ticket 1"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 1"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','05de3360f79795c40a9d5b8f38e1063b',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','63b28628ea1a37d16a2cb3a4b20e4d07',4,'triage','ticket2','small',0,'{"messages":[{"role":"user","content":"ticket 2"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 2"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','0bd1ddc11fb0b0c6e654792cbc2f4718',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','297ab5c8f38bc5db8dd3a0d48d34bd1c',8,'triage','ticket3','tiny',0,'{"messages":[{"role":"user","content":"ticket 3"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 3"',1.0,1,2.0709999999999998e-8,0,1,'2026-12-07T22:22:19Z','a2ea2b7c6bb23548a9814f161bc15520',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','c6c8c86326d279ec305e86fdd56ba32f',5,'triage','ticket2','tiny',0,'{"messages":[{"role":"user","content":"ticket 2"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 2"',0.0,0,3.8672777777777777e-8,0,1,'2026-12-07T22:22:19Z','a53fe702b336f75042ab485670434b7b',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','502d25be110806aeb466111ad69a4976',7,'triage','ticket3','small',0,'{"messages":[{"role":"user","content":"ticket 3"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 3"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','38cdba8a3f68f6fec8f75df4bed7e456',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','848efbc54a84bba5606b6d1c574fbe1b',27,'triage','ticket10','frontier',0,'{"messages":[{"role":"user","content":"ticket 10"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 10"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','bdf3dd2faa50cd64c9b458069c07c7e3',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','4f6e82931cb2561b7db69654d9d8d577',33,'triage','ticket12','frontier',0,'{"messages":[{"role":"user","content":"ticket 12"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 12"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','21e92b2df92790adb21bd1f995f1cb47',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','5f164864fc04f89e6fa7baedb05bd2b7',10,'triage','ticket4','small',0,'{"messages":[{"role":"user","content":"ticket 4"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 4"',0.0,0,1.5e-6,0,1,'2026-12-07T22:22:19Z','31eddc218e936fdc918cc2c225f7c68e',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','6517ef0873fb2e83fabe8576260741ce',30,'triage','ticket11','frontier',0,'{"messages":[{"role":"user","content":"ticket 11"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 11"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','7330cce4a809a6b9618d6c66fa0cd7ad',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','6e978b663d0f5577b0bbae463c064a90',11,'triage','ticket4','tiny',0,'{"messages":[{"role":"user","content":"ticket 4"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 4"',0.0,0,4.762666666666667e-8,0,1,'2026-12-07T22:22:19Z','ca3755271aa1ee1bc38fe822a3fe0093',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','733c9586c898d79b9016de3feba8274e',13,'triage','ticket5','small',0,'{"messages":[{"role":"user","content":"ticket 5"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 5"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','23556ae3a9ae11e0b64454de195626a5',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','923ffe614677f2f1a8fa194bcf78aa83',39,'triage','ticket14','frontier',0,'{"messages":[{"role":"user","content":"ticket 14"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 14"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','6145c2409f8d061975827882e6871194',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','0f1bb9ccf90905ad42e1aa1d0709790c',14,'triage','ticket5','tiny',0,'{"messages":[{"role":"user","content":"ticket 5"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 5"',NULL,0,4.2050972222222225e-8,0,1,'2026-12-07T22:22:19Z','9bbf1d18bb20acb3fe449d42202f8e50',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','fc660fe9b0d40c7255818aea5fd247a7',16,'triage','ticket6','small',0,'{"messages":[{"role":"user","content":"ticket 6"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 6"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','72da1be81e7d4ad664331bf711f234b2',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','001edff91ffab76d7328b83d715ab24a',36,'triage','ticket13','frontier',0,'{"messages":[{"role":"user","content":"ticket 13"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 13"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','c9ffd0c066d94e352b192c0eb351d2cf',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','2114403df80af0ceeae76c2715dd76fa',17,'triage','ticket6','tiny',0,'{"messages":[{"role":"user","content":"ticket 6"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 6"',0.0,0,4.071319444444444e-8,0,1,'2026-12-07T22:22:19Z','2be543fa3dfb4fed7cdd36ad4b41c814',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','80b2537ae22d3ea4e2c6fca617c21aa0',19,'triage','ticket7','small',0,'{"messages":[{"role":"user","content":"ticket 7"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 7"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','0e4ecb65597364c24062a8c5578755f0',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','a7e43d65bd99b5e92fc66571a69e6157',25,'triage','ticket9','small',0,'{"messages":[{"role":"user","content":"ticket 9"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 9"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','4a163ea8e485d1e094028aece64f88f5',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','0ad6e557a926611d57154b04cae68b58',20,'triage','ticket7','tiny',0,'{"messages":[{"role":"user","content":"ticket 7"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 7"',1.0,1,4.1611111111111115e-8,0,1,'2026-12-07T22:22:19Z','d7a51627fc6553209a2b57eb6667ac0a',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','da98c80f56fe98e66a0b280c8c7f8336',22,'triage','ticket8','small',0,'{"messages":[{"role":"user","content":"ticket 8"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 8"',0.0,0,1.5e-6,0,1,'2026-12-07T22:22:19Z','4e54e571b63123b2bcea5988f05eea27',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','cd871754d3ef6471c67e320776cefd39',23,'triage','ticket8','tiny',0,'{"messages":[{"role":"user","content":"ticket 8"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 8"',0.0,0,4.0053749999999996e-8,0,1,'2026-12-07T22:22:19Z','86667096f460d408117ec087201bb5db',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','ded88cb2c3c6fd0d13ee42a8339f01c3',29,'triage','ticket10','tiny',0,'{"messages":[{"role":"user","content":"ticket 10"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 10"',NULL,0,2.462111111111111e-8,0,1,'2026-12-07T22:22:19Z','1c486a3f962a3218720b9daea58f5192',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','ebeb69dfdddb0086baf7f5bfe43af538',45,'triage','ticket16','frontier',0,'{"messages":[{"role":"user","content":"ticket 16"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 16"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','5303bd9b676222bcaf934f59460db6f6',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','974ffd152f220c066156f17326b7fdfc',26,'triage','ticket9','tiny',0,'{"messages":[{"role":"user","content":"ticket 9"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 9"',1.0,1,5.633902777777778e-8,0,1,'2026-12-07T22:22:19Z','279bf8f35cebfbd9c475a9253a369224',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','dc2005a1f86eceffc9cea1905ff138cf',3,'triage','ticket2','frontier',0,'{"messages":[{"role":"user","content":"ticket 2"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 2"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','e4f43c97d316572c90b708e24baae712',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','c278e4dbb2b2678be130ee9e7717bc25',48,'triage','ticket17','frontier',0,'{"messages":[{"role":"user","content":"ticket 17"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 17"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','223de5f43b2c9140a9ce51e72e2e27da',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','d2c5039aac7760d37970ebe4d8ecad3e',28,'triage','ticket10','small',0,'{"messages":[{"role":"user","content":"ticket 10"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 10"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','139acce3c19018e02e690a246bb3b31b',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','aa9a8892413a58183f24defc2cb1f248',31,'triage','ticket11','small',0,'{"messages":[{"role":"user","content":"ticket 11"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 11"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','f28c37292b2c2cba169e3ab5e24a0fe8',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','e756fe4c499bd3985f3cb58d18017735',34,'triage','ticket12','small',0,'{"messages":[{"role":"user","content":"ticket 12"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 12"',0.0,0,1.5e-6,0,1,'2026-12-07T22:22:19Z','ac544900cb3414c87bc303eb653752e1',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','115f3682cb6c3cecde6c90fb060f9a81',51,'triage','ticket18','frontier',0,'{"messages":[{"role":"user","content":"ticket 18"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 18"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','e58396abcabad4a22c5641f74b6d9ff3',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','ce4dfef58132d57b0215653f719cea7e',40,'triage','ticket14','small',0,'{"messages":[{"role":"user","content":"ticket 14"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 14"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','d6b88a1bfa9deb872b88e4735155bfea',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','5ed2167c9f77bcbfc42a7852b494ce0a',54,'triage','ticket19','frontier',0,'{"messages":[{"role":"user","content":"ticket 19"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 19"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','d101a619613beeb09a60cf6c5f77933f',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','584ffecfd30bcf499e11a190d3d39fd5',35,'triage','ticket12','tiny',0,'{"messages":[{"role":"user","content":"ticket 12"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 12"',0.0,0,4.477819444444445e-8,0,1,'2026-12-07T22:22:19Z','f77a659eed120385c6153434936b6083',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','2d2832f7e3c2f0ef5e4ee2e83a648427',57,'triage','ticket20','frontier',0,'{"messages":[{"role":"user","content":"ticket 20"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 20"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','ff0199f970116681ae09cf58d107b16b',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','c54f6564abe847e16f9e92579aee555a',37,'triage','ticket13','small',0,'{"messages":[{"role":"user","content":"ticket 13"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 13"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','5600c3a14f45ff03bb13161dfe2363fa',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','864b2ddc90a172f867e5aa4aa7da9f4d',38,'triage','ticket13','tiny',0,'{"messages":[{"role":"user","content":"ticket 13"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 13"',1.0,1,4.196958333333333e-8,0,1,'2026-12-07T22:22:19Z','bf8a020b8bd583330ada4a3905a4553b',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','852cf6072ececc8576b220ccf7018b55',63,'triage','ticket22','frontier',0,'{"messages":[{"role":"user","content":"ticket 22"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 22"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','094b608a7b833d2c917716c67c4341c2',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','609708fb6bb27ceb7945d8a0df4f1366',32,'triage','ticket11','tiny',0,'{"messages":[{"role":"user","content":"ticket 11"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 11"',1.0,1,1.1824166666666667e-7,0,1,'2026-12-07T22:22:19Z','17ec490bf19d22d97f430a9fdf8c9d5d',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','8ff415d7dcff0e64c4b586a0e22ad2fb',60,'triage','ticket21','frontier',0,'{"messages":[{"role":"user","content":"ticket 21"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 21"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','cfa9818dfbe5229480084eeb27fc0837',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','ede133977c824ff4014810da8e643a0a',44,'triage','ticket15','tiny',0,'{"messages":[{"role":"user","content":"ticket 15"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 15"',NULL,0,1.0671111111111111e-7,0,1,'2026-12-07T22:22:19Z','4d0dc4cc0fea19e5e594f3e84aa83ecc',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','b115a5886953c97f32df75899684ec3e',42,'triage','ticket15','frontier',0,'{"messages":[{"role":"user","content":"ticket 15"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 15"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','edbd0a52517141ddf6fda4a5d1e30066',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','5b71f641aaad32613d8bb996835ec463',47,'triage','ticket16','tiny',0,'{"messages":[{"role":"user","content":"ticket 16"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 16"',0.0,0,1.18065e-7,0,1,'2026-12-07T22:22:19Z','7cceddd02ed7c68944bd21223616a170',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','8a49d47bfb03726159d75deb1d1163b4',43,'triage','ticket15','small',0,'{"messages":[{"role":"user","content":"ticket 15"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 15"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','c89fe50eb0c4ee75c9a8c2b64d535fd8',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','35a5b37b4d2e1f720d7193a31deda127',49,'triage','ticket17','small',0,'{"messages":[{"role":"user","content":"ticket 17"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 17"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','9f84d9c8c0559dac8721c36a22596a05',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','4b59210963d91decc684efeea4f599fa',46,'triage','ticket16','small',0,'{"messages":[{"role":"user","content":"ticket 16"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 16"',0.0,0,1.5e-6,0,1,'2026-12-07T22:22:19Z','7925c89bade5fe7f1afa9ec87a8f80f7',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','2aaf98109b4926bb4c4344d5e33f8624',66,'triage','ticket23','frontier',0,'{"messages":[{"role":"user","content":"ticket 23"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 23"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','675557892b71895d42746b6b88feeb7d',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','bea04b001744ce2e139c36300977db7d',50,'triage','ticket17','tiny',0,'{"messages":[{"role":"user","content":"ticket 17"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 17"',1.0,1,1.8999166666666668e-8,0,1,'2026-12-07T22:22:19Z','cb6ed3fb489fc64606473dc4aed492e9',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','69c668ab1adb3f6f0b8f6c189b2961a0',41,'triage','ticket14','tiny',0,'{"messages":[{"role":"user","content":"ticket 14"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 14"',0.0,0,1.975511111111111e-7,0,1,'2026-12-07T22:22:19Z','6dd2747aba7f05c0db3a6ba63fde0538',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','0890497a94122ad00e8b95e282392183',75,'lookup','order2','frontier',0,'{"messages":[{"role":"user","content":"order 2"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 2"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','623277e4adb3a7ecd95d41850f8fa6bf',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','e62745ee52d2a8b3a70ee0f4452f89af',69,'triage','ticket24','frontier',0,'{"messages":[{"role":"user","content":"ticket 24"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 24"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','e92a6ed485e916f571aec2a6b998e666',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','dc00fd70290348c52066a63738133613',52,'triage','ticket18','small',0,'{"messages":[{"role":"user","content":"ticket 18"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 18"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','8379f657c3afb6fabe2fb95a7cd50b5a',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','cc3a091fdb20778b4ab802465e8ccd24',56,'triage','ticket19','tiny',0,'{"messages":[{"role":"user","content":"ticket 19"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 19"',1.0,1,8.140652777777777e-8,0,1,'2026-12-07T22:22:19Z','adeb5c97abdf67d768c7f966363c8c24',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','b6752eea8c9e7c690a160407a0cdc56a',72,'lookup','order1','frontier',0,'{"messages":[{"role":"user","content":"order 1"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 1"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','c0572b428cc2d4f01a6f6dbc7831efbd',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','e6942100a8b20adbb4950f526c42fdb5',53,'triage','ticket18','tiny',0,'{"messages":[{"role":"user","content":"ticket 18"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 18"',0.0,0,9.766361111111112e-8,0,1,'2026-12-07T22:22:19Z','3dbbf2fbf753a4faabf97806b063e798',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','78f197da7f75f1f38555cc756ce1e248',55,'triage','ticket19','small',0,'{"messages":[{"role":"user","content":"ticket 19"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 19"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','b67383129c0b55ab94aa1bb4cc814b41',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','31a8df8f13e1bfd4f5cc9ce7360cf36e',59,'triage','ticket20','tiny',0,'{"messages":[{"role":"user","content":"ticket 20"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 20"',NULL,0,4.325319444444445e-8,0,1,'2026-12-07T22:22:19Z','d3ac101b53d50b894dedbba7a6eac3a6',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','7188051dc99a944c49139df7a27e1fc8',61,'triage','ticket21','small',0,'{"messages":[{"role":"user","content":"ticket 21"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 21"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','740e6fc2d7f919b99caddab3640f419a',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','496c099daaf9e9f252c8b4be11db8590',58,'triage','ticket20','small',0,'{"messages":[{"role":"user","content":"ticket 20"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 20"',0.0,0,1.5e-6,0,1,'2026-12-07T22:22:19Z','df2441e4d63ec730b02e25432fa261d1',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','89f3abbc92444ec635ef324495486168',78,'lookup','order3','frontier',0,'{"messages":[{"role":"user","content":"order 3"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 3"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','d5312e737913e7a389756b3ac1773990',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','077b6c6d909ed40bf311b052ffc83d86',81,'lookup','order4','frontier',0,'{"messages":[{"role":"user","content":"order 4"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 4"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','0d628e8f925f1f0734a2b04befeb93eb',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','eb8b32769175ff066f288a7cb48e3733',62,'triage','ticket21','tiny',0,'{"messages":[{"role":"user","content":"ticket 21"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 21"',1.0,1,2.7170416666666666e-8,0,1,'2026-12-07T22:22:19Z','8831bd015b918de055b4d6926c45040b',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','394a789f4e31f80137169d016c4291d0',64,'triage','ticket22','small',0,'{"messages":[{"role":"user","content":"ticket 22"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 22"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','04f390aaa27fd9c3111a0c4bb6da79f2',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','fd02e3c22a2a90076555b282f268a6f7',90,'lookup','order7','frontier',0,'{"messages":[{"role":"user","content":"order 7"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 7"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','f81c48b21e5b93f1480f00858b00cac0',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','be640e94fd8b029645fc19a19e99fb50',67,'triage','ticket23','small',0,'{"messages":[{"role":"user","content":"ticket 23"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 23"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','0f47753d83b90fd0d2dc7883db6da1e3',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','1c8dfc722748c197f844ab03a7a96f90',65,'triage','ticket22','tiny',0,'{"messages":[{"role":"user","content":"ticket 22"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 22"',0.0,0,6.948930555555556e-8,0,1,'2026-12-07T22:22:19Z','9d3a37b90a39dc5b7b392488ec147817',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','a4bf153c095d98450de866f568f9358e',87,'lookup','order6','frontier',0,'{"messages":[{"role":"user","content":"order 6"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 6"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','dd46ab4fdc187f6b0e8659d402e5b244',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','2686ae15e2668efef3d2512c93432e9e',68,'triage','ticket23','tiny',0,'{"messages":[{"role":"user","content":"ticket 23"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 23"',1.0,1,7.116319444444445e-8,0,1,'2026-12-07T22:22:19Z','6baf5751833085df339a84a22158aa01',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','439857b1d4941b6fdd57196ac49f71f0',84,'lookup','order5','frontier',0,'{"messages":[{"role":"user","content":"order 5"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 5"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','da080f7cb482132263919b09671db886',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','3d039deccfb10f591b6dce443c6e6a25',70,'triage','ticket24','small',0,'{"messages":[{"role":"user","content":"ticket 24"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 24"',0.0,0,1.5e-6,0,1,'2026-12-07T22:22:19Z','9dee5d9ec0f8d9c89e7ed146511f23bb',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','9828e3a7967f7dbdbb68f82b3f059b96',71,'triage','ticket24','tiny',0,'{"messages":[{"role":"user","content":"ticket 24"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 24"',0.0,0,6.868375e-8,0,1,'2026-12-07T22:22:19Z','ce66515311d70ef7e5be2f31a8c68f02',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','affe164e946619cc5f5c58e3f175811f',74,'lookup','order1','tiny',0,'{"messages":[{"role":"user","content":"order 1"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 1"',1.0,1,2.1328194444444444e-8,0,1,'2026-12-07T22:22:19Z','1db2e695a28faf2d3e39eec8bf78f3e4',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','d8e9ff76482483ec239ae4c96270e281',93,'lookup','order8','frontier',0,'{"messages":[{"role":"user","content":"order 8"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 8"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','21741d034381257f5c7506155bb9fb40',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','df8e8954893b6bbb92fed9e06f8accef',77,'lookup','order2','tiny',0,'{"messages":[{"role":"user","content":"order 2"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 2"',0.5,0,1.562222222222222e-8,0,1,'2026-12-07T22:22:19Z','c37f9fd97ae43c049e92f73b8aaae34a',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','b88a13379a0796de473dc70a7ca17839',102,'lookup','order11','frontier',0,'{"messages":[{"role":"user","content":"order 11"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 11"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','d4b8f91835bc8f1d59abaca719cbb6fd',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','33d33d667fbc776d11f9566af124b956',99,'lookup','order10','frontier',0,'{"messages":[{"role":"user","content":"order 10"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 10"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','be3479fbe60483452219311903bda4f1',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','b4799a32a7166a4db271e59fd5067661',73,'lookup','order1','small',0,'{"messages":[{"role":"user","content":"order 1"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 1"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','1a9b45df81973e6ea971cf4505dbab78',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','156a9ea62bd2e999445cebfb81991c50',86,'lookup','order5','tiny',0,'{"messages":[{"role":"user","content":"order 5"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 5"',NULL,0,3.7874305555555556e-8,0,1,'2026-12-07T22:22:19Z','de76f475a170138350aa0e9d135354c2',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','680e141effd85c35a7a974d84a29fb83',83,'lookup','order4','tiny',0,'{"messages":[{"role":"user","content":"order 4"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 4"',0.5,0,5.032347222222222e-8,0,1,'2026-12-07T22:22:19Z','c9f3f639414f444118bea6b26fbf1ec7',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','ee0372409fe59e889aa3c5d77c9c0660',105,'lookup','order12','frontier',0,'{"messages":[{"role":"user","content":"order 12"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 12"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','5e4db5621da5d8a09d91bc86f06903cc',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','cafd4bfbe55a9285ea73109377824b91',80,'lookup','order3','tiny',0,'{"messages":[{"role":"user","content":"order 3"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 3"',1.0,1,6.183430555555555e-8,0,1,'2026-12-07T22:22:19Z','79096954462d7ae73b7f8b7caa27cfcc',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','310f2630d818c32eeb2802d24d63083d',89,'lookup','order6','tiny',0,'{"messages":[{"role":"user","content":"order 6"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 6"',0.5,0,4.8340972222222224e-8,0,1,'2026-12-07T22:22:19Z','52a13866a71e28dcd72e4fcdfe662bc5',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','56b29ade3925973e0b594e171cc5b973',92,'lookup','order7','tiny',0,'{"messages":[{"role":"user","content":"order 7"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 7"',1.0,1,4.993847222222222e-8,0,1,'2026-12-07T22:22:19Z','252045a6f9f7170f4ac814d6b0cb434b',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','d36f89d732533ebd34b5ba6ab8a188c9',96,'lookup','order9','frontier',0,'{"messages":[{"role":"user","content":"order 9"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 9"',1.0,1,5.5e-5,0,1,'2026-12-07T22:22:19Z','b27c07db3b56560dbab89c9ba93a14fc',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','3adcbff4e3c28cddda9190069713f784',76,'lookup','order2','small',0,'{"messages":[{"role":"user","content":"order 2"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 2"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','43dcfa2f568dd56956ce7948c541699f',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','fa1768993b2388407a9b928aa8935859',82,'lookup','order4','small',0,'{"messages":[{"role":"user","content":"order 4"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 4"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','15fe6972238f3cb7d06679c4dea5b6fb',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','06a05ac2f96a64c58bff14040fe61aa7',88,'lookup','order6','small',0,'{"messages":[{"role":"user","content":"order 6"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 6"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','0687de6fdb3a1f9a7a2b090c5f4a190f',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','26f21046d14e547a4f5ceac7c1cb90b9',95,'lookup','order8','tiny',0,'{"messages":[{"role":"user","content":"order 8"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 8"',0.5,0,8.856152777777779e-8,0,1,'2026-12-07T22:22:19Z','4160659d4b487d36969e7a5134074b57',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','7fae69c583ef2ceee25e21ce02a357f5',85,'lookup','order5','small',0,'{"messages":[{"role":"user","content":"order 5"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 5"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','68865ac5e8a4c207e5747069d1d33b26',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','de608218f0a4dd9b91f2019e28ea235a',103,'lookup','order11','small',0,'{"messages":[{"role":"user","content":"order 11"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 11"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','faa5ba930b57452595a4dc0f81ef8f47',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','bd1b48022d5c9f120982c2bd84f71673',94,'lookup','order8','small',0,'{"messages":[{"role":"user","content":"order 8"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 8"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','d597a1ee5ea0756451bdacb9e529abe7',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','8e5110feb04980da3ddd85fe2ac668e9',97,'lookup','order9','small',0,'{"messages":[{"role":"user","content":"order 9"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 9"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','68977f92a0ce0a010831737b5d6f64ea',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','3a663cedc7aadc1ac97c2769cf2e6628',79,'lookup','order3','small',0,'{"messages":[{"role":"user","content":"order 3"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 3"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','9ded3ec4cddc8c74794e79948f48ffc6',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','fd8a4ac4c8523a916ef3db435f429a50',98,'lookup','order9','tiny',0,'{"messages":[{"role":"user","content":"order 9"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 9"',1.0,1,1.8446944444444444e-7,0,1,'2026-12-07T22:22:19Z','dcbf70da5d523bf6514c011694501427',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','65f38095e69f106e6b6d1a7054a2f965',106,'lookup','order12','small',0,'{"messages":[{"role":"user","content":"order 12"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 12"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','6b77f63accaca3da8b53d81fc4cc6f34',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','21af9744cca0adc0b9188305e0b8a341',91,'lookup','order7','small',0,'{"messages":[{"role":"user","content":"order 7"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 7"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','bf1550f83092f33de4b1f4653dcbadd2',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','abc117d3f28cd699604f68713e10e7c3',107,'lookup','order12','tiny',0,'{"messages":[{"role":"user","content":"order 12"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 12"',0.5,0,2.5191666666666666e-8,0,1,'2026-12-07T22:22:19Z','62d225dce62f0a67a244a53a2e86b7b8',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','007d7e939a4e76f42037f2d028649759',104,'lookup','order11','tiny',0,'{"messages":[{"role":"user","content":"order 11"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 11"',1.0,1,2.0660833333333334e-8,0,1,'2026-12-07T22:22:19Z','6f382f6d1a26148fd19208a35694fd29',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','d9e040aeabefb5d1e83e1cdba0d414fa',101,'lookup','order10','tiny',0,'{"messages":[{"role":"user","content":"order 10"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 10"',NULL,0,2.9624722222222223e-8,0,1,'2026-12-07T22:22:19Z','e90150d7390552f23d4e4319c6713453',0.0);
INSERT INTO "trials" VALUES('20261207-222219-a54e','069617277608de8dc1dd0c1219601415',100,'lookup','order10','small',0,'{"messages":[{"role":"user","content":"order 10"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 10"',1.0,1,2.1e-6,0,1,'2026-12-07T22:22:19Z','83653ff848bd2189c11736ecbe595538',0.0);
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
    http_status INTEGER, retried_input_tokens INTEGER NOT NULL DEFAULT 0, retried_output_tokens INTEGER NOT NULL DEFAULT 0, retried_usage_estimated INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, trial_id)
);
INSERT INTO "completions" VALUES('20261207-222219-55c1','a835cc0dec19d4b2b580a78e16b14b7f','echo: ticket 1','stop',2,3,0,0,0,0,2073,2179,'[53,4]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','6b8099c3d031314f40a907ad1b9f49e0','echo: ticket 3','stop',2,3,0,0,0,0,2280,2380,'[30,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','c43f9066b69599181c9e89ea0b70e507','echo: ticket 4','stop',2,3,0,0,0,0,2186,2274,'[17,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','a38367fc2464595a5766182dcd345c10','echo: ticket 6','stop',2,3,0,0,0,0,2016,2441,'[32,1]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','dc2005a1f86eceffc9cea1905ff138cf','echo: ticket 2','stop',2,3,0,0,0,0,2044,2499,'[42,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','638705f54f1a480ca0bf77014932b9b2','echo: ticket 5','stop',2,3,0,0,0,0,2039,2561,'[21,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','4c3190e725fb0e3d2b7240cc16a76700','echo: ticket 7','stop',2,3,0,0,0,0,1926,2035,'[65,4]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','d3d366b5356645c651c9fbbde02bdff2','echo: ticket 8','stop',2,3,0,0,0,0,3285,3437,'[98,4]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','9e92dea9a026732edf859744681dba23','echo: ticket 1','stop',2,3,0,0,0,0,543,680,'[50,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','2a0abe84bd8d92060a097e1b66d9c311','echo: ticket 1','stop',2,3,0,0,0,0,603,790,'[77,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','c6c8c86326d279ec305e86fdd56ba32f','something else','stop',2,2,0,0,0,0,474,629,'[63]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','dab22d06e3501063c1b6fb8d16887393','echo: ticket 9','stop',2,3,0,0,0,0,330,400,'[33,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','297ab5c8f38bc5db8dd3a0d48d34bd1c','echo: ticket 3','stop',2,3,0,0,0,0,817,854,'[18,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','63b28628ea1a37d16a2cb3a4b20e4d07','echo: ticket 2','stop',2,3,0,0,0,0,872,898,'[7,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','0f1bb9ccf90905ad42e1aa1d0709790c','','error',0,0,0,0,0,0,NULL,1043,'[]','server_error','HTTP 500: The server had an error while processing your request.',500,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','4f6e82931cb2561b7db69654d9d8d577','echo: ticket 12','stop',2,3,0,0,0,0,977,1144,'[85,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','6e978b663d0f5577b0bbae463c064a90','something else','stop',2,2,0,0,0,0,1306,1439,'[72]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','5f164864fc04f89e6fa7baedb05bd2b7','something else','stop',2,2,0,0,0,0,1254,1377,'[69]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','6517ef0873fb2e83fabe8576260741ce','echo: ticket 11','stop',2,3,0,0,0,0,1232,1371,'[55,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','733c9586c898d79b9016de3feba8274e','echo: ticket 5','stop',2,3,0,0,0,0,1150,1393,'[33,1]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','2114403df80af0ceeae76c2715dd76fa','something else','stop',2,2,0,0,0,0,419,472,'[29]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','848efbc54a84bba5606b6d1c574fbe1b','echo: ticket 10','stop',2,3,0,0,0,0,1625,1722,'[43,4]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','502d25be110806aeb466111ad69a4976','echo: ticket 3','stop',2,3,0,0,0,0,1886,2210,'[53,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','0ad6e557a926611d57154b04cae68b58','echo: ticket 7','stop',2,3,0,0,0,0,1068,1171,'[63,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','cd871754d3ef6471c67e320776cefd39','something else','stop',2,2,0,0,0,0,1018,1209,'[153]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','da98c80f56fe98e66a0b280c8c7f8336','something else','stop',2,2,0,0,0,0,966,1135,'[129]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','923ffe614677f2f1a8fa194bcf78aa83','echo: ticket 14','stop',2,3,0,0,0,0,1172,1289,'[52,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','80b2537ae22d3ea4e2c6fca617c21aa0','echo: ticket 7','stop',2,3,0,0,0,0,1246,1335,'[27,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','b115a5886953c97f32df75899684ec3e','echo: ticket 15','stop',2,3,0,0,0,0,971,1067,'[32,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','fc660fe9b0d40c7255818aea5fd247a7','echo: ticket 6','stop',2,3,0,0,0,0,1162,1276,'[49,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','001edff91ffab76d7328b83d715ab24a','echo: ticket 13','stop',2,3,0,0,0,0,1157,1254,'[16,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','ebeb69dfdddb0086baf7f5bfe43af538','echo: ticket 16','stop',2,3,0,0,0,0,1103,1203,'[59,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','aa9a8892413a58183f24defc2cb1f248','echo: ticket 11','stop',2,3,0,0,0,0,859,1011,'[86,4]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','115f3682cb6c3cecde6c90fb060f9a81','echo: ticket 18','stop',2,3,0,0,0,0,924,1130,'[64,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','a7e43d65bd99b5e92fc66571a69e6157','echo: ticket 9','stop',2,3,0,0,0,0,1068,1257,'[48,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','974ffd152f220c066156f17326b7fdfc','echo: ticket 9','stop',2,3,0,0,0,0,745,911,'[28,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','c278e4dbb2b2678be130ee9e7717bc25','echo: ticket 17','stop',2,3,0,0,0,0,1014,1092,'[32,1]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','5ed2167c9f77bcbfc42a7852b494ce0a','echo: ticket 19','stop',2,3,0,0,0,0,850,940,'[43,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','d2c5039aac7760d37970ebe4d8ecad3e','echo: ticket 10','stop',2,3,0,0,0,0,994,1057,'[18,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','ded88cb2c3c6fd0d13ee42a8339f01c3','','error',0,0,0,0,0,0,NULL,846,'[]','server_error','HTTP 500: The server had an error while processing your request.',500,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','852cf6072ececc8576b220ccf7018b55','echo: ticket 22','stop',2,3,0,0,0,0,871,1069,'[151,5]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','e756fe4c499bd3985f3cb58d18017735','something else','stop',2,2,0,0,0,0,766,999,'[210]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','609708fb6bb27ceb7945d8a0df4f1366','echo: ticket 11','stop',2,3,0,0,0,0,896,1127,'[194,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','584ffecfd30bcf499e11a190d3d39fd5','something else','stop',2,2,0,0,0,0,848,1230,'[374]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','2d2832f7e3c2f0ef5e4ee2e83a648427','echo: ticket 20','stop',2,3,0,0,0,0,1130,1536,'[396,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','2aaf98109b4926bb4c4344d5e33f8624','echo: ticket 23','stop',2,3,0,0,0,0,894,1306,'[403,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','c54f6564abe847e16f9e92579aee555a','echo: ticket 13','stop',2,3,0,0,0,0,305,341,'[18,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','8ff415d7dcff0e64c4b586a0e22ad2fb','echo: ticket 21','stop',2,3,0,0,0,0,1574,1601,'[6,1]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','ce4dfef58132d57b0215653f719cea7e','echo: ticket 14','stop',2,3,0,0,0,0,297,307,'[2,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','e62745ee52d2a8b3a70ee0f4452f89af','echo: ticket 24','stop',2,3,0,0,0,0,425,435,'[2,1]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','ede133977c824ff4014810da8e643a0a','','error',0,0,0,0,0,0,NULL,830,'[]','server_error','HTTP 500: The server had an error while processing your request.',500,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','864b2ddc90a172f867e5aa4aa7da9f4d','echo: ticket 13','stop',2,3,0,0,0,0,1573,1597,'[4,4]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','69c668ab1adb3f6f0b8f6c189b2961a0','something else','stop',2,2,0,0,0,0,1094,1322,'[207]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','4b59210963d91decc684efeea4f599fa','something else','stop',2,2,0,0,0,0,690,908,'[198]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','0890497a94122ad00e8b95e282392183','echo: order 2','stop',2,3,0,0,0,0,863,1160,'[266,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','b6752eea8c9e7c690a160407a0cdc56a','echo: order 1','stop',2,3,0,0,0,0,1024,1372,'[321,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','8a49d47bfb03726159d75deb1d1163b4','echo: ticket 15','stop',2,3,0,0,0,0,907,1310,'[388,4]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','35a5b37b4d2e1f720d7193a31deda127','echo: ticket 17','stop',2,3,0,0,0,0,303,452,'[69,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','5b71f641aaad32613d8bb996835ec463','something else','stop',2,2,0,0,0,0,1337,1422,'[53]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','bea04b001744ce2e139c36300977db7d','echo: ticket 17','stop',2,3,0,0,0,0,467,580,'[40,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','077b6c6d909ed40bf311b052ffc83d86','echo: order 4','stop',2,3,0,0,0,0,327,438,'[25,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','dc00fd70290348c52066a63738133613','echo: ticket 18','stop',2,3,0,0,0,0,264,467,'[32,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','78f197da7f75f1f38555cc756ce1e248','echo: ticket 19','stop',2,3,0,0,0,0,160,246,'[42,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','e6942100a8b20adbb4950f526c42fdb5','something else','stop',2,2,0,0,0,0,593,648,'[30]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','439857b1d4941b6fdd57196ac49f71f0','echo: order 5','stop',2,3,0,0,0,0,513,571,'[17,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','89f3abbc92444ec635ef324495486168','echo: order 3','stop',2,3,0,0,0,0,1578,1593,'[3,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','496c099daaf9e9f252c8b4be11db8590','something else','stop',2,2,0,0,0,0,667,754,'[18]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','a4bf153c095d98450de866f568f9358e','echo: order 6','stop',2,3,0,0,0,0,372,842,'[381,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','cc3a091fdb20778b4ab802465e8ccd24','echo: ticket 19','stop',2,3,0,0,0,0,787,934,'[46,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','31a8df8f13e1bfd4f5cc9ce7360cf36e','','error',0,0,0,0,0,0,NULL,1035,'[]','server_error','HTTP 500: The server had an error while processing your request.',500,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','fd02e3c22a2a90076555b282f268a6f7','echo: order 7','stop',2,3,0,0,0,0,778,824,'[24,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','eb8b32769175ff066f288a7cb48e3733','echo: ticket 21','stop',2,3,0,0,0,0,761,792,'[7,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','7188051dc99a944c49139df7a27e1fc8','echo: ticket 21','stop',2,3,0,0,0,0,719,826,'[81,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','394a789f4e31f80137169d016c4291d0','echo: ticket 22','stop',2,3,0,0,0,0,952,1023,'[37,5]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','3d039deccfb10f591b6dce443c6e6a25','something else','stop',2,2,0,0,0,0,686,730,'[26]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','2686ae15e2668efef3d2512c93432e9e','echo: ticket 23','stop',2,3,0,0,0,0,1063,1121,'[30,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','d36f89d732533ebd34b5ba6ab8a188c9','echo: order 9','stop',2,3,0,0,0,0,1248,1294,'[20,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','1c8dfc722748c197f844ab03a7a96f90','something else','stop',2,2,0,0,0,0,1284,1312,'[11]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','d8e9ff76482483ec239ae4c96270e281','echo: order 8','stop',2,3,0,0,0,0,1145,1190,'[16,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','b88a13379a0796de473dc70a7ca17839','echo: order 11','stop',2,3,0,0,0,0,355,390,'[16,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','be640e94fd8b029645fc19a19e99fb50','echo: ticket 23','stop',2,3,0,0,0,0,1392,1420,'[6,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','33d33d667fbc776d11f9566af124b956','echo: order 10','stop',2,3,0,0,0,0,1462,1472,'[2,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','3a663cedc7aadc1ac97c2769cf2e6628','echo: order 3','stop',2,3,0,0,0,0,705,722,'[6,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','3adcbff4e3c28cddda9190069713f784','echo: order 2','stop',2,3,0,0,0,0,845,856,'[2,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','9828e3a7967f7dbdbb68f82b3f059b96','something else','stop',2,2,0,0,0,0,254,263,'[2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','7fae69c583ef2ceee25e21ce02a357f5','echo: order 5','stop',2,3,0,0,0,0,989,1013,'[6,1]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','fa1768993b2388407a9b928aa8935859','echo: order 4','stop',2,3,0,0,0,0,955,991,'[19,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','06a05ac2f96a64c58bff14040fe61aa7','echo: order 6','stop',2,3,0,0,0,0,1014,1079,'[5,1]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','df8e8954893b6bbb92fed9e06f8accef','something else','stop',2,2,0,0,0,0,196,205,'[2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','ee0372409fe59e889aa3c5d77c9c0660','echo: order 12','stop',2,3,0,0,0,0,1583,1624,'[22,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','b4799a32a7166a4db271e59fd5067661','echo: order 1','stop',2,3,0,0,0,0,1659,1685,'[7,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','680e141effd85c35a7a974d84a29fb83','something else','stop',2,2,0,0,0,0,352,407,'[37]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','21af9744cca0adc0b9188305e0b8a341','echo: order 7','stop',2,3,0,0,0,0,1267,1317,'[20,1]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','bd1b48022d5c9f120982c2bd84f71673','echo: order 8','stop',2,3,0,0,0,0,1121,1160,'[10,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','8e5110feb04980da3ddd85fe2ac668e9','echo: order 9','stop',2,3,0,0,0,0,976,987,'[2,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','cafd4bfbe55a9285ea73109377824b91','echo: order 3','stop',2,3,0,0,0,0,943,955,'[3,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','069617277608de8dc1dd0c1219601415','echo: order 10','stop',2,3,0,0,0,0,954,970,'[1,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','de608218f0a4dd9b91f2019e28ea235a','echo: order 11','stop',2,3,0,0,0,0,1146,1164,'[7,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','65f38095e69f106e6b6d1a7054a2f965','echo: order 12','stop',2,3,0,0,0,0,756,766,'[2,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','310f2630d818c32eeb2802d24d63083d','something else','stop',2,2,0,0,0,0,765,773,'[2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','156a9ea62bd2e999445cebfb81991c50','','error',0,0,0,0,0,0,NULL,826,'[]','server_error','HTTP 500: The server had an error while processing your request.',500,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','56b29ade3925973e0b594e171cc5b973','echo: order 7','stop',2,3,0,0,0,0,991,1004,'[4,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','fd8a4ac4c8523a916ef3db435f429a50','echo: order 9','stop',2,3,0,0,0,0,997,1008,'[2,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','d9e040aeabefb5d1e83e1cdba0d414fa','','error',0,0,0,0,0,0,NULL,664,'[]','server_error','HTTP 500: The server had an error while processing your request.',500,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','26f21046d14e547a4f5ceac7c1cb90b9','something else','stop',2,2,0,0,0,0,908,1179,'[250]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','abc117d3f28cd699604f68713e10e7c3','something else','stop',2,2,0,0,0,0,524,539,'[7]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','007d7e939a4e76f42037f2d028649759','echo: order 11','stop',2,3,0,0,0,0,662,673,'[3,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-55c1','affe164e946619cc5f5c58e3f175811f','echo: order 1','stop',2,3,0,0,0,0,3074,3105,'[5,5]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','a38367fc2464595a5766182dcd345c10','echo: ticket 6','stop',2,3,0,0,0,0,1354,1394,'[12,4]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','4c3190e725fb0e3d2b7240cc16a76700','echo: ticket 7','stop',2,3,0,0,0,0,1458,1481,'[8,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','6b8099c3d031314f40a907ad1b9f49e0','echo: ticket 3','stop',2,3,0,0,0,0,1888,2082,'[26,149]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','c43f9066b69599181c9e89ea0b70e507','echo: ticket 4','stop',2,3,0,0,0,0,1999,2039,'[12,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','d3d366b5356645c651c9fbbde02bdff2','echo: ticket 8','stop',2,3,0,0,0,0,2568,2622,'[22,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','638705f54f1a480ca0bf77014932b9b2','echo: ticket 5','stop',2,3,0,0,0,0,2151,2195,'[10,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','dab22d06e3501063c1b6fb8d16887393','echo: ticket 9','stop',2,3,0,0,0,0,222,271,'[22,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','a835cc0dec19d4b2b580a78e16b14b7f','echo: ticket 1','stop',2,3,0,0,0,0,2526,2565,'[10,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','2a0abe84bd8d92060a097e1b66d9c311','echo: ticket 1','stop',2,3,0,0,0,0,595,651,'[26,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','9e92dea9a026732edf859744681dba23','echo: ticket 1','stop',2,3,0,0,0,0,812,854,'[11,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','63b28628ea1a37d16a2cb3a4b20e4d07','echo: ticket 2','stop',2,3,0,0,0,0,646,677,'[10,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','297ab5c8f38bc5db8dd3a0d48d34bd1c','echo: ticket 3','stop',2,3,0,0,0,0,218,342,'[25,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','c6c8c86326d279ec305e86fdd56ba32f','something else','stop',2,2,0,0,0,0,549,607,'[12]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','502d25be110806aeb466111ad69a4976','echo: ticket 3','stop',2,3,0,0,0,0,666,687,'[7,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','848efbc54a84bba5606b6d1c574fbe1b','echo: ticket 10','stop',2,3,0,0,0,0,508,650,'[23,99]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','4f6e82931cb2561b7db69654d9d8d577','echo: ticket 12','stop',2,3,0,0,0,0,157,197,'[16,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','5f164864fc04f89e6fa7baedb05bd2b7','something else','stop',2,2,0,0,0,0,595,608,'[3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','6517ef0873fb2e83fabe8576260741ce','echo: ticket 11','stop',2,3,0,0,0,0,639,655,'[3,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','6e978b663d0f5577b0bbae463c064a90','something else','stop',2,2,0,0,0,0,591,605,'[3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','733c9586c898d79b9016de3feba8274e','echo: ticket 5','stop',2,3,0,0,0,0,597,613,'[3,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','923ffe614677f2f1a8fa194bcf78aa83','echo: ticket 14','stop',2,3,0,0,0,0,201,219,'[3,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','0f1bb9ccf90905ad42e1aa1d0709790c','','error',0,0,0,0,0,0,NULL,739,'[]','server_error','HTTP 500: The server had an error while processing your request.',500,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','fc660fe9b0d40c7255818aea5fd247a7','echo: ticket 6','stop',2,3,0,0,0,0,593,731,'[110,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','001edff91ffab76d7328b83d715ab24a','echo: ticket 13','stop',2,3,0,0,0,0,660,702,'[15,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','2114403df80af0ceeae76c2715dd76fa','something else','stop',2,2,0,0,0,0,737,750,'[3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','80b2537ae22d3ea4e2c6fca617c21aa0','echo: ticket 7','stop',2,3,0,0,0,0,741,757,'[3,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','a7e43d65bd99b5e92fc66571a69e6157','echo: ticket 9','stop',2,3,0,0,0,0,208,225,'[3,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','0ad6e557a926611d57154b04cae68b58','echo: ticket 7','stop',2,3,0,0,0,0,746,769,'[3,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','da98c80f56fe98e66a0b280c8c7f8336','something else','stop',2,2,0,0,0,0,644,665,'[3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','cd871754d3ef6471c67e320776cefd39','something else','stop',2,2,0,0,0,0,728,748,'[3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','ded88cb2c3c6fd0d13ee42a8339f01c3','','error',0,0,0,0,0,0,NULL,452,'[]','server_error','HTTP 500: The server had an error while processing your request.',500,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','ebeb69dfdddb0086baf7f5bfe43af538','echo: ticket 16','stop',2,3,0,0,0,0,758,849,'[58,22]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','974ffd152f220c066156f17326b7fdfc','echo: ticket 9','stop',2,3,0,0,0,0,839,867,'[3,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','dc2005a1f86eceffc9cea1905ff138cf','echo: ticket 2','stop',2,3,0,0,0,0,5224,5242,'[3,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','c278e4dbb2b2678be130ee9e7717bc25','echo: ticket 17','stop',2,3,0,0,0,0,959,1016,'[28,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','d2c5039aac7760d37970ebe4d8ecad3e','echo: ticket 10','stop',2,3,0,0,0,0,1070,1107,'[10,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','aa9a8892413a58183f24defc2cb1f248','echo: ticket 11','stop',2,3,0,0,0,0,700,754,'[26,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','e756fe4c499bd3985f3cb58d18017735','something else','stop',2,2,0,0,0,0,450,478,'[10]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','115f3682cb6c3cecde6c90fb060f9a81','echo: ticket 18','stop',2,3,0,0,0,0,755,772,'[3,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','ce4dfef58132d57b0215653f719cea7e','echo: ticket 14','stop',2,3,0,0,0,0,312,331,'[3,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','5ed2167c9f77bcbfc42a7852b494ce0a','echo: ticket 19','stop',2,3,0,0,0,0,919,934,'[3,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','584ffecfd30bcf499e11a190d3d39fd5','something else','stop',2,2,0,0,0,0,864,877,'[3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','2d2832f7e3c2f0ef5e4ee2e83a648427','echo: ticket 20','stop',2,3,0,0,0,0,795,837,'[16,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','c54f6564abe847e16f9e92579aee555a','echo: ticket 13','stop',2,3,0,0,0,0,926,955,'[3,9]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','864b2ddc90a172f867e5aa4aa7da9f4d','echo: ticket 13','stop',2,3,0,0,0,0,914,930,'[3,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','852cf6072ececc8576b220ccf7018b55','echo: ticket 22','stop',2,3,0,0,0,0,164,180,'[3,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','609708fb6bb27ceb7945d8a0df4f1366','echo: ticket 11','stop',2,3,0,0,0,0,971,1720,'[8,8]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','8ff415d7dcff0e64c4b586a0e22ad2fb','echo: ticket 21','stop',2,3,0,0,0,0,692,724,'[7,13]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','ede133977c824ff4014810da8e643a0a','','error',0,0,0,0,0,0,NULL,2303,'[]','server_error','HTTP 500: The server had an error while processing your request.',500,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','b115a5886953c97f32df75899684ec3e','echo: ticket 15','stop',2,3,0,0,0,0,688,4878,'[3,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','5b71f641aaad32613d8bb996835ec463','something else','stop',2,2,0,0,0,0,1948,2382,'[278]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','8a49d47bfb03726159d75deb1d1163b4','echo: ticket 15','stop',2,3,0,0,0,0,2422,2808,'[323,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','35a5b37b4d2e1f720d7193a31deda127','echo: ticket 17','stop',2,3,0,0,0,0,1908,2282,'[313,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','4b59210963d91decc684efeea4f599fa','something else','stop',2,2,0,0,0,0,2352,2551,'[167]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','2aaf98109b4926bb4c4344d5e33f8624','echo: ticket 23','stop',2,3,0,0,0,0,2283,2490,'[150,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','bea04b001744ce2e139c36300977db7d','echo: ticket 17','stop',2,3,0,0,0,0,335,349,'[2,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','69c668ab1adb3f6f0b8f6c189b2961a0','something else','stop',2,2,0,0,0,0,3979,4084,'[79]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','0890497a94122ad00e8b95e282392183','echo: order 2','stop',2,3,0,0,0,0,918,1015,'[47,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','e62745ee52d2a8b3a70ee0f4452f89af','echo: ticket 24','stop',2,3,0,0,0,0,1402,1484,'[34,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','dc00fd70290348c52066a63738133613','echo: ticket 18','stop',2,3,0,0,0,0,1075,1139,'[18,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','cc3a091fdb20778b4ab802465e8ccd24','echo: ticket 19','stop',2,3,0,0,0,0,1516,1633,'[71,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','b6752eea8c9e7c690a160407a0cdc56a','echo: order 1','stop',2,3,0,0,0,0,1702,1793,'[42,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','e6942100a8b20adbb4950f526c42fdb5','something else','stop',2,2,0,0,0,0,1694,1749,'[29]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','78f197da7f75f1f38555cc756ce1e248','echo: ticket 19','stop',2,3,0,0,0,0,1681,1743,'[19,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','31a8df8f13e1bfd4f5cc9ce7360cf36e','','error',0,0,0,0,0,0,NULL,791,'[]','server_error','HTTP 500: The server had an error while processing your request.',500,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','7188051dc99a944c49139df7a27e1fc8','echo: ticket 21','stop',2,3,0,0,0,0,710,850,'[79,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','496c099daaf9e9f252c8b4be11db8590','something else','stop',2,2,0,0,0,0,897,1007,'[68]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','89f3abbc92444ec635ef324495486168','echo: order 3','stop',2,3,0,0,0,0,807,924,'[73,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','077b6c6d909ed40bf311b052ffc83d86','echo: order 4','stop',2,3,0,0,0,0,301,405,'[25,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','eb8b32769175ff066f288a7cb48e3733','echo: ticket 21','stop',2,3,0,0,0,0,390,403,'[2,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','394a789f4e31f80137169d016c4291d0','echo: ticket 22','stop',2,3,0,0,0,0,411,422,'[2,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','fd02e3c22a2a90076555b282f268a6f7','echo: order 7','stop',2,3,0,0,0,0,674,767,'[49,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','be640e94fd8b029645fc19a19e99fb50','echo: ticket 23','stop',2,3,0,0,0,0,841,927,'[31,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','1c8dfc722748c197f844ab03a7a96f90','something else','stop',2,2,0,0,0,0,929,994,'[40]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','a4bf153c095d98450de866f568f9358e','echo: order 6','stop',2,3,0,0,0,0,830,906,'[21,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','2686ae15e2668efef3d2512c93432e9e','echo: ticket 23','stop',2,3,0,0,0,0,739,1427,'[64,558]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','439857b1d4941b6fdd57196ac49f71f0','echo: order 5','stop',2,3,0,0,0,0,1627,1744,'[59,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','3d039deccfb10f591b6dce443c6e6a25','something else','stop',2,2,0,0,0,0,1355,1437,'[52]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','9828e3a7967f7dbdbb68f82b3f059b96','something else','stop',2,2,0,0,0,0,1260,1318,'[28]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','affe164e946619cc5f5c58e3f175811f','echo: order 1','stop',2,3,0,0,0,0,395,435,'[19,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','d8e9ff76482483ec239ae4c96270e281','echo: order 8','stop',2,3,0,0,0,0,508,535,'[7,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','df8e8954893b6bbb92fed9e06f8accef','something else','stop',2,2,0,0,0,0,304,317,'[5]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','b88a13379a0796de473dc70a7ca17839','echo: order 11','stop',2,3,0,0,0,0,186,265,'[17,53]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','33d33d667fbc776d11f9566af124b956','echo: order 10','stop',2,3,0,0,0,0,373,391,'[4,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','b4799a32a7166a4db271e59fd5067661','echo: order 1','stop',2,3,0,0,0,0,760,897,'[70,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','156a9ea62bd2e999445cebfb81991c50','','error',0,0,0,0,0,0,NULL,1308,'[]','server_error','HTTP 500: The server had an error while processing your request.',500,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','680e141effd85c35a7a974d84a29fb83','something else','stop',2,2,0,0,0,0,1545,1599,'[43]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','ee0372409fe59e889aa3c5d77c9c0660','echo: order 12','stop',2,3,0,0,0,0,1518,1570,'[34,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','cafd4bfbe55a9285ea73109377824b91','echo: order 3','stop',2,3,0,0,0,0,1219,1321,'[29,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','310f2630d818c32eeb2802d24d63083d','something else','stop',2,2,0,0,0,0,954,1015,'[32]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','56b29ade3925973e0b594e171cc5b973','echo: order 7','stop',2,3,0,0,0,0,900,1527,'[22,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','d36f89d732533ebd34b5ba6ab8a188c9','echo: order 9','stop',2,3,0,0,0,0,1530,1623,'[40,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','3adcbff4e3c28cddda9190069713f784','echo: order 2','stop',2,3,0,0,0,0,386,397,'[2,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','fa1768993b2388407a9b928aa8935859','echo: order 4','stop',2,3,0,0,0,0,648,664,'[3,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','06a05ac2f96a64c58bff14040fe61aa7','echo: order 6','stop',2,3,0,0,0,0,729,742,'[2,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','26f21046d14e547a4f5ceac7c1cb90b9','something else','stop',2,2,0,0,0,0,645,655,'[2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','7fae69c583ef2ceee25e21ce02a357f5','echo: order 5','stop',2,3,0,0,0,0,1194,1237,'[22,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','de608218f0a4dd9b91f2019e28ea235a','echo: order 11','stop',2,3,0,0,0,0,445,510,'[35,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','bd1b48022d5c9f120982c2bd84f71673','echo: order 8','stop',2,3,0,0,0,0,1236,1287,'[23,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','8e5110feb04980da3ddd85fe2ac668e9','echo: order 9','stop',2,3,0,0,0,0,1187,1225,'[12,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','3a663cedc7aadc1ac97c2769cf2e6628','echo: order 3','stop',2,3,0,0,0,0,1284,1317,'[8,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','fd8a4ac4c8523a916ef3db435f429a50','echo: order 9','stop',2,3,0,0,0,0,731,1473,'[720,6]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','65f38095e69f106e6b6d1a7054a2f965','echo: order 12','stop',2,3,0,0,0,0,907,1025,'[34,4]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','21af9744cca0adc0b9188305e0b8a341','echo: order 7','stop',2,3,0,0,0,0,2304,2398,'[61,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','abc117d3f28cd699604f68713e10e7c3','something else','stop',2,2,0,0,0,0,358,467,'[48]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','007d7e939a4e76f42037f2d028649759','echo: order 11','stop',2,3,0,0,0,0,382,410,'[4,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','d9e040aeabefb5d1e83e1cdba0d414fa','','error',0,0,0,0,0,0,NULL,504,'[]','server_error','HTTP 500: The server had an error while processing your request.',500,0,0,0);
INSERT INTO "completions" VALUES('20261207-222219-a54e','069617277608de8dc1dd0c1219601415','echo: order 10','stop',2,3,0,0,0,0,2047,2065,'[4,3]',NULL,NULL,NULL,0,0,0);
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
INSERT INTO "scores" VALUES('20261207-222219-55c1','a835cc0dec19d4b2b580a78e16b14b7f',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','6b8099c3d031314f40a907ad1b9f49e0',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','c43f9066b69599181c9e89ea0b70e507',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','a38367fc2464595a5766182dcd345c10',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','dc2005a1f86eceffc9cea1905ff138cf',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','638705f54f1a480ca0bf77014932b9b2',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','4c3190e725fb0e3d2b7240cc16a76700',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','d3d366b5356645c651c9fbbde02bdff2',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','9e92dea9a026732edf859744681dba23',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','2a0abe84bd8d92060a097e1b66d9c311',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','c6c8c86326d279ec305e86fdd56ba32f',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 2", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-55c1','dab22d06e3501063c1b6fb8d16887393',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','297ab5c8f38bc5db8dd3a0d48d34bd1c',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','63b28628ea1a37d16a2cb3a4b20e4d07',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','4f6e82931cb2561b7db69654d9d8d577',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','6e978b663d0f5577b0bbae463c064a90',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 4", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-55c1','5f164864fc04f89e6fa7baedb05bd2b7',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 4", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-55c1','6517ef0873fb2e83fabe8576260741ce',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','733c9586c898d79b9016de3feba8274e',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','2114403df80af0ceeae76c2715dd76fa',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 6", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-55c1','848efbc54a84bba5606b6d1c574fbe1b',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','502d25be110806aeb466111ad69a4976',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','0ad6e557a926611d57154b04cae68b58',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','cd871754d3ef6471c67e320776cefd39',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 8", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-55c1','da98c80f56fe98e66a0b280c8c7f8336',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 8", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-55c1','923ffe614677f2f1a8fa194bcf78aa83',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','80b2537ae22d3ea4e2c6fca617c21aa0',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','b115a5886953c97f32df75899684ec3e',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','fc660fe9b0d40c7255818aea5fd247a7',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','001edff91ffab76d7328b83d715ab24a',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','ebeb69dfdddb0086baf7f5bfe43af538',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','aa9a8892413a58183f24defc2cb1f248',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','115f3682cb6c3cecde6c90fb060f9a81',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','a7e43d65bd99b5e92fc66571a69e6157',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','974ffd152f220c066156f17326b7fdfc',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','c278e4dbb2b2678be130ee9e7717bc25',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','5ed2167c9f77bcbfc42a7852b494ce0a',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','d2c5039aac7760d37970ebe4d8ecad3e',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','852cf6072ececc8576b220ccf7018b55',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','e756fe4c499bd3985f3cb58d18017735',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 12", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-55c1','609708fb6bb27ceb7945d8a0df4f1366',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','584ffecfd30bcf499e11a190d3d39fd5',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 12", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-55c1','2d2832f7e3c2f0ef5e4ee2e83a648427',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','2aaf98109b4926bb4c4344d5e33f8624',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','c54f6564abe847e16f9e92579aee555a',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','8ff415d7dcff0e64c4b586a0e22ad2fb',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','ce4dfef58132d57b0215653f719cea7e',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','e62745ee52d2a8b3a70ee0f4452f89af',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','864b2ddc90a172f867e5aa4aa7da9f4d',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','69c668ab1adb3f6f0b8f6c189b2961a0',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 14", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-55c1','4b59210963d91decc684efeea4f599fa',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 16", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-55c1','0890497a94122ad00e8b95e282392183',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','0890497a94122ad00e8b95e282392183',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','b6752eea8c9e7c690a160407a0cdc56a',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','b6752eea8c9e7c690a160407a0cdc56a',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','8a49d47bfb03726159d75deb1d1163b4',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','35a5b37b4d2e1f720d7193a31deda127',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','5b71f641aaad32613d8bb996835ec463',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 16", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-55c1','bea04b001744ce2e139c36300977db7d',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','077b6c6d909ed40bf311b052ffc83d86',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','077b6c6d909ed40bf311b052ffc83d86',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','dc00fd70290348c52066a63738133613',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','78f197da7f75f1f38555cc756ce1e248',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','e6942100a8b20adbb4950f526c42fdb5',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 18", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-55c1','439857b1d4941b6fdd57196ac49f71f0',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','439857b1d4941b6fdd57196ac49f71f0',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','89f3abbc92444ec635ef324495486168',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','89f3abbc92444ec635ef324495486168',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','496c099daaf9e9f252c8b4be11db8590',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 20", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-55c1','a4bf153c095d98450de866f568f9358e',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','a4bf153c095d98450de866f568f9358e',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','cc3a091fdb20778b4ab802465e8ccd24',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','fd02e3c22a2a90076555b282f268a6f7',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','fd02e3c22a2a90076555b282f268a6f7',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','eb8b32769175ff066f288a7cb48e3733',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','7188051dc99a944c49139df7a27e1fc8',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','394a789f4e31f80137169d016c4291d0',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','3d039deccfb10f591b6dce443c6e6a25',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 24", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-55c1','2686ae15e2668efef3d2512c93432e9e',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','d36f89d732533ebd34b5ba6ab8a188c9',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','d36f89d732533ebd34b5ba6ab8a188c9',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','1c8dfc722748c197f844ab03a7a96f90',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 22", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-55c1','d8e9ff76482483ec239ae4c96270e281',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','d8e9ff76482483ec239ae4c96270e281',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','b88a13379a0796de473dc70a7ca17839',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','b88a13379a0796de473dc70a7ca17839',1,'length',1.0,1.0,1,NULL,'14 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','be640e94fd8b029645fc19a19e99fb50',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','33d33d667fbc776d11f9566af124b956',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','33d33d667fbc776d11f9566af124b956',1,'length',1.0,1.0,1,NULL,'14 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','3a663cedc7aadc1ac97c2769cf2e6628',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','3a663cedc7aadc1ac97c2769cf2e6628',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','3adcbff4e3c28cddda9190069713f784',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','3adcbff4e3c28cddda9190069713f784',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','9828e3a7967f7dbdbb68f82b3f059b96',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 24", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-55c1','7fae69c583ef2ceee25e21ce02a357f5',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','7fae69c583ef2ceee25e21ce02a357f5',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','fa1768993b2388407a9b928aa8935859',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','fa1768993b2388407a9b928aa8935859',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','06a05ac2f96a64c58bff14040fe61aa7',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','06a05ac2f96a64c58bff14040fe61aa7',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','df8e8954893b6bbb92fed9e06f8accef',0,'exact',1.0,0.0,0,NULL,'expected "echo: order 2", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-55c1','df8e8954893b6bbb92fed9e06f8accef',1,'length',1.0,1.0,1,NULL,'14 characters, 2 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','ee0372409fe59e889aa3c5d77c9c0660',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','ee0372409fe59e889aa3c5d77c9c0660',1,'length',1.0,1.0,1,NULL,'14 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','b4799a32a7166a4db271e59fd5067661',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','b4799a32a7166a4db271e59fd5067661',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','680e141effd85c35a7a974d84a29fb83',0,'exact',1.0,0.0,0,NULL,'expected "echo: order 4", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-55c1','680e141effd85c35a7a974d84a29fb83',1,'length',1.0,1.0,1,NULL,'14 characters, 2 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','21af9744cca0adc0b9188305e0b8a341',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','21af9744cca0adc0b9188305e0b8a341',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','bd1b48022d5c9f120982c2bd84f71673',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','bd1b48022d5c9f120982c2bd84f71673',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','8e5110feb04980da3ddd85fe2ac668e9',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','8e5110feb04980da3ddd85fe2ac668e9',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','cafd4bfbe55a9285ea73109377824b91',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','cafd4bfbe55a9285ea73109377824b91',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','069617277608de8dc1dd0c1219601415',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','069617277608de8dc1dd0c1219601415',1,'length',1.0,1.0,1,NULL,'14 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','de608218f0a4dd9b91f2019e28ea235a',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','de608218f0a4dd9b91f2019e28ea235a',1,'length',1.0,1.0,1,NULL,'14 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','65f38095e69f106e6b6d1a7054a2f965',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','65f38095e69f106e6b6d1a7054a2f965',1,'length',1.0,1.0,1,NULL,'14 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','310f2630d818c32eeb2802d24d63083d',0,'exact',1.0,0.0,0,NULL,'expected "echo: order 6", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-55c1','310f2630d818c32eeb2802d24d63083d',1,'length',1.0,1.0,1,NULL,'14 characters, 2 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','56b29ade3925973e0b594e171cc5b973',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','56b29ade3925973e0b594e171cc5b973',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','fd8a4ac4c8523a916ef3db435f429a50',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','fd8a4ac4c8523a916ef3db435f429a50',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','26f21046d14e547a4f5ceac7c1cb90b9',0,'exact',1.0,0.0,0,NULL,'expected "echo: order 8", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-55c1','26f21046d14e547a4f5ceac7c1cb90b9',1,'length',1.0,1.0,1,NULL,'14 characters, 2 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','abc117d3f28cd699604f68713e10e7c3',0,'exact',1.0,0.0,0,NULL,'expected "echo: order 12", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-55c1','abc117d3f28cd699604f68713e10e7c3',1,'length',1.0,1.0,1,NULL,'14 characters, 2 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','007d7e939a4e76f42037f2d028649759',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','007d7e939a4e76f42037f2d028649759',1,'length',1.0,1.0,1,NULL,'14 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-55c1','affe164e946619cc5f5c58e3f175811f',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-55c1','affe164e946619cc5f5c58e3f175811f',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','a38367fc2464595a5766182dcd345c10',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','4c3190e725fb0e3d2b7240cc16a76700',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','6b8099c3d031314f40a907ad1b9f49e0',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','c43f9066b69599181c9e89ea0b70e507',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','d3d366b5356645c651c9fbbde02bdff2',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','638705f54f1a480ca0bf77014932b9b2',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','dab22d06e3501063c1b6fb8d16887393',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','a835cc0dec19d4b2b580a78e16b14b7f',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','2a0abe84bd8d92060a097e1b66d9c311',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','9e92dea9a026732edf859744681dba23',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','63b28628ea1a37d16a2cb3a4b20e4d07',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','297ab5c8f38bc5db8dd3a0d48d34bd1c',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','c6c8c86326d279ec305e86fdd56ba32f',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 2", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-a54e','502d25be110806aeb466111ad69a4976',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','848efbc54a84bba5606b6d1c574fbe1b',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','4f6e82931cb2561b7db69654d9d8d577',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','5f164864fc04f89e6fa7baedb05bd2b7',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 4", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-a54e','6517ef0873fb2e83fabe8576260741ce',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','6e978b663d0f5577b0bbae463c064a90',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 4", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-a54e','733c9586c898d79b9016de3feba8274e',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','923ffe614677f2f1a8fa194bcf78aa83',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','fc660fe9b0d40c7255818aea5fd247a7',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','001edff91ffab76d7328b83d715ab24a',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','2114403df80af0ceeae76c2715dd76fa',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 6", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-a54e','80b2537ae22d3ea4e2c6fca617c21aa0',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','a7e43d65bd99b5e92fc66571a69e6157',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','0ad6e557a926611d57154b04cae68b58',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','da98c80f56fe98e66a0b280c8c7f8336',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 8", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-a54e','cd871754d3ef6471c67e320776cefd39',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 8", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-a54e','ebeb69dfdddb0086baf7f5bfe43af538',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','974ffd152f220c066156f17326b7fdfc',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','dc2005a1f86eceffc9cea1905ff138cf',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','c278e4dbb2b2678be130ee9e7717bc25',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','d2c5039aac7760d37970ebe4d8ecad3e',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','aa9a8892413a58183f24defc2cb1f248',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','e756fe4c499bd3985f3cb58d18017735',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 12", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-a54e','115f3682cb6c3cecde6c90fb060f9a81',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','ce4dfef58132d57b0215653f719cea7e',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','5ed2167c9f77bcbfc42a7852b494ce0a',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','584ffecfd30bcf499e11a190d3d39fd5',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 12", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-a54e','2d2832f7e3c2f0ef5e4ee2e83a648427',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','c54f6564abe847e16f9e92579aee555a',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','864b2ddc90a172f867e5aa4aa7da9f4d',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','852cf6072ececc8576b220ccf7018b55',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','609708fb6bb27ceb7945d8a0df4f1366',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','8ff415d7dcff0e64c4b586a0e22ad2fb',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','b115a5886953c97f32df75899684ec3e',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','5b71f641aaad32613d8bb996835ec463',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 16", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-a54e','8a49d47bfb03726159d75deb1d1163b4',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','35a5b37b4d2e1f720d7193a31deda127',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','4b59210963d91decc684efeea4f599fa',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 16", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-a54e','2aaf98109b4926bb4c4344d5e33f8624',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','bea04b001744ce2e139c36300977db7d',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','69c668ab1adb3f6f0b8f6c189b2961a0',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 14", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-a54e','0890497a94122ad00e8b95e282392183',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','0890497a94122ad00e8b95e282392183',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','e62745ee52d2a8b3a70ee0f4452f89af',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','dc00fd70290348c52066a63738133613',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','cc3a091fdb20778b4ab802465e8ccd24',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','b6752eea8c9e7c690a160407a0cdc56a',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','b6752eea8c9e7c690a160407a0cdc56a',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','e6942100a8b20adbb4950f526c42fdb5',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 18", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-a54e','78f197da7f75f1f38555cc756ce1e248',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','7188051dc99a944c49139df7a27e1fc8',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','496c099daaf9e9f252c8b4be11db8590',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 20", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-a54e','89f3abbc92444ec635ef324495486168',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','89f3abbc92444ec635ef324495486168',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','077b6c6d909ed40bf311b052ffc83d86',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','077b6c6d909ed40bf311b052ffc83d86',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','eb8b32769175ff066f288a7cb48e3733',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','394a789f4e31f80137169d016c4291d0',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','fd02e3c22a2a90076555b282f268a6f7',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','fd02e3c22a2a90076555b282f268a6f7',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','be640e94fd8b029645fc19a19e99fb50',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','1c8dfc722748c197f844ab03a7a96f90',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 22", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-a54e','a4bf153c095d98450de866f568f9358e',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','a4bf153c095d98450de866f568f9358e',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','2686ae15e2668efef3d2512c93432e9e',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','439857b1d4941b6fdd57196ac49f71f0',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','439857b1d4941b6fdd57196ac49f71f0',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','3d039deccfb10f591b6dce443c6e6a25',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 24", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-a54e','9828e3a7967f7dbdbb68f82b3f059b96',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 24", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-a54e','affe164e946619cc5f5c58e3f175811f',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','affe164e946619cc5f5c58e3f175811f',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','d8e9ff76482483ec239ae4c96270e281',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','d8e9ff76482483ec239ae4c96270e281',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','df8e8954893b6bbb92fed9e06f8accef',0,'exact',1.0,0.0,0,NULL,'expected "echo: order 2", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-a54e','df8e8954893b6bbb92fed9e06f8accef',1,'length',1.0,1.0,1,NULL,'14 characters, 2 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','b88a13379a0796de473dc70a7ca17839',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','b88a13379a0796de473dc70a7ca17839',1,'length',1.0,1.0,1,NULL,'14 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','33d33d667fbc776d11f9566af124b956',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','33d33d667fbc776d11f9566af124b956',1,'length',1.0,1.0,1,NULL,'14 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','b4799a32a7166a4db271e59fd5067661',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','b4799a32a7166a4db271e59fd5067661',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','680e141effd85c35a7a974d84a29fb83',0,'exact',1.0,0.0,0,NULL,'expected "echo: order 4", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-a54e','680e141effd85c35a7a974d84a29fb83',1,'length',1.0,1.0,1,NULL,'14 characters, 2 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','ee0372409fe59e889aa3c5d77c9c0660',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','ee0372409fe59e889aa3c5d77c9c0660',1,'length',1.0,1.0,1,NULL,'14 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','cafd4bfbe55a9285ea73109377824b91',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','cafd4bfbe55a9285ea73109377824b91',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','310f2630d818c32eeb2802d24d63083d',0,'exact',1.0,0.0,0,NULL,'expected "echo: order 6", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-a54e','310f2630d818c32eeb2802d24d63083d',1,'length',1.0,1.0,1,NULL,'14 characters, 2 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','56b29ade3925973e0b594e171cc5b973',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','56b29ade3925973e0b594e171cc5b973',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','d36f89d732533ebd34b5ba6ab8a188c9',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','d36f89d732533ebd34b5ba6ab8a188c9',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','3adcbff4e3c28cddda9190069713f784',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','3adcbff4e3c28cddda9190069713f784',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','fa1768993b2388407a9b928aa8935859',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','fa1768993b2388407a9b928aa8935859',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','06a05ac2f96a64c58bff14040fe61aa7',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','06a05ac2f96a64c58bff14040fe61aa7',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','26f21046d14e547a4f5ceac7c1cb90b9',0,'exact',1.0,0.0,0,NULL,'expected "echo: order 8", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-a54e','26f21046d14e547a4f5ceac7c1cb90b9',1,'length',1.0,1.0,1,NULL,'14 characters, 2 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','7fae69c583ef2ceee25e21ce02a357f5',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','7fae69c583ef2ceee25e21ce02a357f5',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','de608218f0a4dd9b91f2019e28ea235a',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','de608218f0a4dd9b91f2019e28ea235a',1,'length',1.0,1.0,1,NULL,'14 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','bd1b48022d5c9f120982c2bd84f71673',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','bd1b48022d5c9f120982c2bd84f71673',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','8e5110feb04980da3ddd85fe2ac668e9',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','8e5110feb04980da3ddd85fe2ac668e9',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','3a663cedc7aadc1ac97c2769cf2e6628',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','3a663cedc7aadc1ac97c2769cf2e6628',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','fd8a4ac4c8523a916ef3db435f429a50',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','fd8a4ac4c8523a916ef3db435f429a50',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','65f38095e69f106e6b6d1a7054a2f965',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','65f38095e69f106e6b6d1a7054a2f965',1,'length',1.0,1.0,1,NULL,'14 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','21af9744cca0adc0b9188305e0b8a341',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','21af9744cca0adc0b9188305e0b8a341',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','abc117d3f28cd699604f68713e10e7c3',0,'exact',1.0,0.0,0,NULL,'expected "echo: order 12", got "something else"');
INSERT INTO "scores" VALUES('20261207-222219-a54e','abc117d3f28cd699604f68713e10e7c3',1,'length',1.0,1.0,1,NULL,'14 characters, 2 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','007d7e939a4e76f42037f2d028649759',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','007d7e939a4e76f42037f2d028649759',1,'length',1.0,1.0,1,NULL,'14 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-222219-a54e','069617277608de8dc1dd0c1219601415',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-222219-a54e','069617277608de8dc1dd0c1219601415',1,'length',1.0,1.0,1,NULL,'14 characters, 3 words: within bounds');
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
INSERT INTO "run_models" VALUES('20261207-222219-55c1',0,'frontier','openai_compatible','frontier-1',1,'{"base_url":"http://127.0.0.1:37759/v1","model":"frontier-1","provider":"openai_compatible","stream":true}','http://127.0.0.1:37759/v1',NULL,NULL,5.0,15.0,5.0,5.0,15.0,0.0,'suite');
INSERT INTO "run_models" VALUES('20261207-222219-55c1',1,'small','openai_compatible','small-1',0,'{"base_url":"http://127.0.0.1:37759/v1","model":"small-1","provider":"openai_compatible","stream":true}','http://127.0.0.1:37759/v1',NULL,NULL,0.15,0.6,0.15,0.15,0.6,0.0,'suite');
INSERT INTO "run_models" VALUES('20261207-222219-55c1',2,'tiny','openai_compatible','tiny-1',0,'{"base_url":"http://127.0.0.1:37759/v1","model":"tiny-1","provider":"openai_compatible","stream":true}','http://127.0.0.1:37759/v1',NULL,NULL,0.0,0.0,0.0,0.0,0.0,0.5,'suite');
INSERT INTO "run_models" VALUES('20261207-222219-a54e',0,'frontier','openai_compatible','frontier-1',1,'{"base_url":"http://127.0.0.1:37759/v1","model":"frontier-1","provider":"openai_compatible","stream":true}','http://127.0.0.1:37759/v1',NULL,NULL,5.0,15.0,5.0,5.0,15.0,0.0,'suite');
INSERT INTO "run_models" VALUES('20261207-222219-a54e',1,'small','openai_compatible','small-1',0,'{"base_url":"http://127.0.0.1:37759/v1","model":"small-1","provider":"openai_compatible","stream":true}','http://127.0.0.1:37759/v1',NULL,NULL,0.15,0.6,0.15,0.15,0.6,0.0,'suite');
INSERT INTO "run_models" VALUES('20261207-222219-a54e',2,'tiny','openai_compatible','tiny-1',0,'{"base_url":"http://127.0.0.1:37759/v1","model":"tiny-1","provider":"openai_compatible","stream":true}','http://127.0.0.1:37759/v1',NULL,NULL,0.0,0.0,0.0,0.0,0.0,0.5,'suite');
CREATE TABLE run_tasks (
        run_id TEXT NOT NULL REFERENCES runs(id),
        position INTEGER NOT NULL,
        id TEXT NOT NULL,
        description TEXT NOT NULL,
        min_quality REAL,
        margin REAL,
        p95_latency_ms REAL,
        requests_per_month INTEGER,
        max_error_rate REAL NOT NULL DEFAULT 0.02, regression TEXT, quality_measure TEXT, p95_ttft_ms REAL, p95_tpot_ms REAL,
        PRIMARY KEY (run_id, position)
    );
INSERT INTO "run_tasks" VALUES('20261207-222219-55c1',0,'triage','',0.8,0.05,5000.0,250000,0.02,'{"quality":0.05,"latency":0.25,"latency_ms":50.0,"cost":0.1,"error_rate":0.02}','pass_rate',NULL,NULL);
INSERT INTO "run_tasks" VALUES('20261207-222219-55c1',1,'lookup','',NULL,NULL,NULL,40000,0.02,'{"quality":0.05,"latency":0.25,"latency_ms":50.0,"cost":0.1,"error_rate":0.02}','mean',NULL,NULL);
INSERT INTO "run_tasks" VALUES('20261207-222219-a54e',0,'triage','',0.8,0.05,5000.0,250000,0.02,'{"quality":0.05,"latency":0.25,"latency_ms":50.0,"cost":0.1,"error_rate":0.02}','pass_rate',NULL,NULL);
INSERT INTO "run_tasks" VALUES('20261207-222219-a54e',1,'lookup','',NULL,NULL,NULL,40000,0.02,'{"quality":0.05,"latency":0.25,"latency_ms":50.0,"cost":0.1,"error_rate":0.02}','mean',NULL,NULL);
CREATE TABLE run_sources (
        run_id TEXT NOT NULL REFERENCES runs(id),
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        PRIMARY KEY (run_id, path)
    );
INSERT INTO "run_sources" VALUES('20261207-222219-55c1','(built-in price book)','a1c7b5ac8e9980836bfb6fe7a513dc959d4ceb9ce4b69de691731ba2bf49e21a');
INSERT INTO "run_sources" VALUES('20261207-222219-55c1','/tmp/.tmpbC0sP9/golden.yaml','9697249b3c7c8acb2b788cb185f9214c913d9f650fb965521b653dc5ddedfc91');
INSERT INTO "run_sources" VALUES('20261207-222219-a54e','(built-in price book)','a1c7b5ac8e9980836bfb6fe7a513dc959d4ceb9ce4b69de691731ba2bf49e21a');
INSERT INTO "run_sources" VALUES('20261207-222219-a54e','/tmp/.tmpbC0sP9/golden.yaml','9697249b3c7c8acb2b788cb185f9214c913d9f650fb965521b653dc5ddedfc91');
CREATE TABLE file_digests (
        path TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        modified_ns INTEGER NOT NULL,
        sha256 TEXT NOT NULL
    );
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
INSERT INTO "capacity_sweeps" VALUES('20261207-222219-3e1a','golden','lookup','tiny','{"base_url":"http://127.0.0.1:37759/v1","model":"tiny-1","provider":"openai_compatible","stream":true}','2026-12-07T22:22:19Z','2026-12-07T22:22:19Z','{"max_error_rate":0.02}',0.5,'{"utilisation":0.6,"machines":1,"peak_to_average":3.0,"api_price_decline":0.6,"volume_growth":0.5}',NULL);
CREATE TABLE capacity_levels (
        sweep_id TEXT NOT NULL REFERENCES capacity_sweeps(id),
        position INTEGER NOT NULL,
        level TEXT NOT NULL,
        PRIMARY KEY (sweep_id, position)
    );
INSERT INTO "capacity_levels" VALUES('20261207-222219-3e1a',0,'{"load":"concurrency","target":1.0,"sent":12,"measured":10,"errors":2,"error_classes":{"server_error":{"count":2,"first":"HTTP 500: The server had an error while processing your request."}},"resent":0,"duration_s":0.006935768,"offered_rps":1425.528039344574,"throughput_rps":1168.4643490677074,"output_tokens_per_s":2883.602796402648,"ttft_ms":{"p50":0.411,"p90":1.072,"p95":1.072,"p99":1.072,"max":1.072},"tpot_ms":{"p50":0.146,"p90":0.232,"p95":0.232,"p99":0.232,"max":0.232},"latency_ms":{"p50":0.655,"p90":1.243,"p95":1.243,"p99":1.243,"max":1.243},"meets_slo":null,"cut_short":false}');
INSERT INTO "capacity_levels" VALUES('20261207-222219-3e1a',1,'{"load":"concurrency","target":2.0,"sent":12,"measured":10,"errors":2,"error_classes":{"server_error":{"count":2,"first":"HTTP 500: The server had an error while processing your request."}},"resent":0,"duration_s":0.005555097,"offered_rps":2122.625489618946,"throughput_rps":1715.0704465185906,"output_tokens_per_s":3600.29716852829,"ttft_ms":{"p50":0.461,"p90":1.122,"p95":1.122,"p99":1.122,"max":1.122},"tpot_ms":{"p50":0.252,"p90":0.522,"p95":0.522,"p99":0.522,"max":0.522},"latency_ms":{"p50":0.918,"p90":1.388,"p95":1.388,"p99":1.388,"max":1.388},"meets_slo":null,"cut_short":false}');
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
CREATE INDEX trials_by_cache_key ON trials(cache_key);
