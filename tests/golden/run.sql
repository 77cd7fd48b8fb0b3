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
INSERT INTO "runs" VALUES('20261207-213424-47a5','golden','/tmp/.tmp9ZkYj1/golden.yaml','{"suite":"/tmp/.tmp9ZkYj1/golden.yaml","models":null,"prices":null,"tasks":[],"model_ids":[],"limit":null,"repeats":null,"shard":null}','finished','2026-12-07T21:34:24Z','2026-12-07T21:34:24Z',108,NULL,NULL,NULL,NULL,NULL,108);
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
INSERT INTO "trials" VALUES('20261207-213424-47a5','c43f9066b69599181c9e89ea0b70e507',9,'triage','ticket4','frontier',0,'{"messages":[{"role":"user","content":"ticket 4"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 4"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','b66bc30d0a21dd6dc0598c8723af375a',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','a835cc0dec19d4b2b580a78e16b14b7f',0,'triage','ticket1','frontier',0,'{"messages":[{"role":"user","content":"ticket 1"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 1"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','ad85d8cec36a662b363463f880555807',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','dc2005a1f86eceffc9cea1905ff138cf',3,'triage','ticket2','frontier',0,'{"messages":[{"role":"user","content":"ticket 2"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 2"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','1d9cc10d265153f674ecc22f9770b3a5',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','6b8099c3d031314f40a907ad1b9f49e0',6,'triage','ticket3','frontier',0,'{"messages":[{"role":"user","content":"ticket 3"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 3"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','9f3d25a294e457c19d882762c93e8251',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','a38367fc2464595a5766182dcd345c10',15,'triage','ticket6','frontier',0,'{"messages":[{"role":"user","content":"ticket 6"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 6"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','2daad334948366e74652fd8662c74875',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','d3d366b5356645c651c9fbbde02bdff2',21,'triage','ticket8','frontier',0,'{"messages":[{"role":"user","content":"ticket 8"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 8"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','6e295866d8f800f69611bf8b0a5d0a6b',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','c6c8c86326d279ec305e86fdd56ba32f',5,'triage','ticket2','tiny',0,'{"messages":[{"role":"user","content":"ticket 2"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 2"',0.0,0,1.3293125e-7,0,1,'2026-12-07T21:34:24Z','e222bc26bb98ec20d2d96154ec4fd8e2',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','502d25be110806aeb466111ad69a4976',7,'triage','ticket3','small',0,'{"messages":[{"role":"user","content":"ticket 3"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 3"',1.0,1,2.1e-6,0,1,'2026-12-07T21:34:24Z','6cfcbb1655c82b829e2077a9ec6829d8',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','638705f54f1a480ca0bf77014932b9b2',12,'triage','ticket5','frontier',0,'{"messages":[{"role":"user","content":"ticket 5"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 5"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','e72c7def44bcb154b91a04f7788f6ec1',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','4c3190e725fb0e3d2b7240cc16a76700',18,'triage','ticket7','frontier',0,'{"messages":[{"role":"user","content":"ticket 7"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 7"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','1cc74a5e67084bf6ef7040cba1cf1229',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','2a0abe84bd8d92060a097e1b66d9c311',2,'triage','ticket1','tiny',0,'{"messages":[{"role":"user","content":"ticket 1"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 1"',1.0,1,1.5238527777777778e-7,0,1,'2026-12-07T21:34:24Z','d4656d61b9afe4ac1db3de9a9aa241e1',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','63b28628ea1a37d16a2cb3a4b20e4d07',4,'triage','ticket2','small',0,'{"messages":[{"role":"user","content":"ticket 2"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 2"',1.0,1,2.1e-6,0,1,'2026-12-07T21:34:24Z','836937e261861e8730ca8214c561edfc',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','9e92dea9a026732edf859744681dba23',1,'triage','ticket1','small',0,'{"messages":[{"role":"user","content":"ticket 1"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 1"',1.0,1,2.1e-6,0,1,'2026-12-07T21:34:24Z','0e88a965a54aea54142621a323df04f1',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','fc660fe9b0d40c7255818aea5fd247a7',16,'triage','ticket6','small',0,'{"messages":[{"role":"user","content":"ticket 6"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 6"',1.0,1,2.1e-6,0,1,'2026-12-07T21:34:24Z','6bda00502d0e5bdc52f0f3e571c1c65b',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','733c9586c898d79b9016de3feba8274e',13,'triage','ticket5','small',0,'{"messages":[{"role":"user","content":"ticket 5"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 5"',1.0,1,2.1e-6,0,1,'2026-12-07T21:34:24Z','5451020b82858b701ca142e74895dbc3',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','dab22d06e3501063c1b6fb8d16887393',24,'triage','ticket9','frontier',0,'{"messages":[{"role":"user","content":"ticket 9"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 9"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','cda580d1b289188c29498883b5a611b2',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','6e978b663d0f5577b0bbae463c064a90',11,'triage','ticket4','tiny',0,'{"messages":[{"role":"user","content":"ticket 4"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 4"',0.0,0,4.1857222222222224e-8,0,1,'2026-12-07T21:34:24Z','d902f6464ae1c7b7600ee9b2f83c6c2f',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','0f1bb9ccf90905ad42e1aa1d0709790c',14,'triage','ticket5','tiny',0,'{"messages":[{"role":"user","content":"ticket 5"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 5"',NULL,0,4.247375e-8,0,1,'2026-12-07T21:34:24Z','02a3c6f142d14be40ab35a39ac85163c',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','848efbc54a84bba5606b6d1c574fbe1b',27,'triage','ticket10','frontier',0,'{"messages":[{"role":"user","content":"ticket 10"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 10"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','1a068daf059a071e7001bba895c4dc63',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','5f164864fc04f89e6fa7baedb05bd2b7',10,'triage','ticket4','small',0,'{"messages":[{"role":"user","content":"ticket 4"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 4"',0.0,0,1.5e-6,0,1,'2026-12-07T21:34:24Z','b5589cd9e83abbf2beda9f65a4473ad3',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','2114403df80af0ceeae76c2715dd76fa',17,'triage','ticket6','tiny',0,'{"messages":[{"role":"user","content":"ticket 6"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 6"',0.0,0,3.1346944444444446e-8,0,1,'2026-12-07T21:34:24Z','7b201da7b492cd19db8f71d4e8ec1a9e',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','4f6e82931cb2561b7db69654d9d8d577',33,'triage','ticket12','frontier',0,'{"messages":[{"role":"user","content":"ticket 12"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 12"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','cecf305984ea04a42239e9f7a1664622',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','6517ef0873fb2e83fabe8576260741ce',30,'triage','ticket11','frontier',0,'{"messages":[{"role":"user","content":"ticket 11"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 11"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','0829a66e20be2eab32ade6220c5f4930',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','80b2537ae22d3ea4e2c6fca617c21aa0',19,'triage','ticket7','small',0,'{"messages":[{"role":"user","content":"ticket 7"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 7"',1.0,1,2.1e-6,0,1,'2026-12-07T21:34:24Z','aa00e81aef2fe9f4cf93937b1ed7c7a6',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','da98c80f56fe98e66a0b280c8c7f8336',22,'triage','ticket8','small',0,'{"messages":[{"role":"user","content":"ticket 8"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 8"',0.0,0,1.5e-6,0,1,'2026-12-07T21:34:24Z','58262e8bcfcd329fd30bd092e904e11f',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','001edff91ffab76d7328b83d715ab24a',36,'triage','ticket13','frontier',0,'{"messages":[{"role":"user","content":"ticket 13"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 13"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','ab771917104886a70bc5e613e3d6597b',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','0ad6e557a926611d57154b04cae68b58',20,'triage','ticket7','tiny',0,'{"messages":[{"role":"user","content":"ticket 7"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 7"',1.0,1,3.273166666666667e-8,0,1,'2026-12-07T21:34:24Z','bf3d8371f92bbef2f7231ee7f41a50c1',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','a7e43d65bd99b5e92fc66571a69e6157',25,'triage','ticket9','small',0,'{"messages":[{"role":"user","content":"ticket 9"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 9"',1.0,1,2.1e-6,0,1,'2026-12-07T21:34:24Z','812123f16ba51217250862e16f14917e',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','974ffd152f220c066156f17326b7fdfc',26,'triage','ticket9','tiny',0,'{"messages":[{"role":"user","content":"ticket 9"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 9"',1.0,1,1.648611111111111e-8,0,1,'2026-12-07T21:34:24Z','dbba0742c67674189e3582b4a1cbca73',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','cd871754d3ef6471c67e320776cefd39',23,'triage','ticket8','tiny',0,'{"messages":[{"role":"user","content":"ticket 8"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 8"',0.0,0,2.3505833333333334e-8,0,1,'2026-12-07T21:34:24Z','af590cdf23bd752c15834d29cb3d0b90',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','ded88cb2c3c6fd0d13ee42a8339f01c3',29,'triage','ticket10','tiny',0,'{"messages":[{"role":"user","content":"ticket 10"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 10"',NULL,0,1.5680416666666667e-8,0,1,'2026-12-07T21:34:24Z','e7f46de5e3fb5700963c0a517e5c9519',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','d2c5039aac7760d37970ebe4d8ecad3e',28,'triage','ticket10','small',0,'{"messages":[{"role":"user","content":"ticket 10"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 10"',1.0,1,2.1e-6,0,1,'2026-12-07T21:34:24Z','a2b8612143e5ed288fe6f0277d3bce11',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','923ffe614677f2f1a8fa194bcf78aa83',39,'triage','ticket14','frontier',0,'{"messages":[{"role":"user","content":"ticket 14"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 14"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','eb38c7f17c5f49e68524e6dbc03f0963',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','b115a5886953c97f32df75899684ec3e',42,'triage','ticket15','frontier',0,'{"messages":[{"role":"user","content":"ticket 15"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 15"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','2fa21d56a649892be81702024defe788',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','609708fb6bb27ceb7945d8a0df4f1366',32,'triage','ticket11','tiny',0,'{"messages":[{"role":"user","content":"ticket 11"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 11"',1.0,1,2.696763888888889e-8,0,1,'2026-12-07T21:34:24Z','b56e0001753c0ebbcfe68760e634a2b1',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','ebeb69dfdddb0086baf7f5bfe43af538',45,'triage','ticket16','frontier',0,'{"messages":[{"role":"user","content":"ticket 16"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 16"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','169e79f4c9d4fbb6ec3e5bde73f97ecd',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','aa9a8892413a58183f24defc2cb1f248',31,'triage','ticket11','small',0,'{"messages":[{"role":"user","content":"ticket 11"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 11"',1.0,1,2.1e-6,0,1,'2026-12-07T21:34:24Z','321f925753c4b0c20199a09f02743066',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','c278e4dbb2b2678be130ee9e7717bc25',48,'triage','ticket17','frontier',0,'{"messages":[{"role":"user","content":"ticket 17"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 17"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','654348110343cb1206e95e559e460fe9',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','584ffecfd30bcf499e11a190d3d39fd5',35,'triage','ticket12','tiny',0,'{"messages":[{"role":"user","content":"ticket 12"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 12"',0.0,0,2.0038194444444444e-8,0,1,'2026-12-07T21:34:24Z','08bc1ad3b1b13ec21f242b588e395c90',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','e756fe4c499bd3985f3cb58d18017735',34,'triage','ticket12','small',0,'{"messages":[{"role":"user","content":"ticket 12"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 12"',0.0,0,1.5e-6,0,1,'2026-12-07T21:34:24Z','b209e1c590bd9162f6c1616a32a7aa10',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','c54f6564abe847e16f9e92579aee555a',37,'triage','ticket13','small',0,'{"messages":[{"role":"user","content":"ticket 13"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 13"',1.0,1,2.1e-6,0,1,'2026-12-07T21:34:24Z','c5d586d7c7b31c4a16452921dde3e51e',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','ce4dfef58132d57b0215653f719cea7e',40,'triage','ticket14','small',0,'{"messages":[{"role":"user","content":"ticket 14"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 14"',1.0,1,2.1e-6,0,1,'2026-12-07T21:34:24Z','0a3301ef33e151cf0016114cb8301dc8',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','115f3682cb6c3cecde6c90fb060f9a81',51,'triage','ticket18','frontier',0,'{"messages":[{"role":"user","content":"ticket 18"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 18"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','4a9736cdf5c30d02088c4da2c06ab7dc',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','864b2ddc90a172f867e5aa4aa7da9f4d',38,'triage','ticket13','tiny',0,'{"messages":[{"role":"user","content":"ticket 13"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 13"',1.0,1,2.2058055555555555e-8,0,1,'2026-12-07T21:34:24Z','6298ced535f1ec10f5a3c919315a6f1e',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','2d2832f7e3c2f0ef5e4ee2e83a648427',57,'triage','ticket20','frontier',0,'{"messages":[{"role":"user","content":"ticket 20"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 20"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','4a6ab711afcbdc5f57646026aec00f1d',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','5ed2167c9f77bcbfc42a7852b494ce0a',54,'triage','ticket19','frontier',0,'{"messages":[{"role":"user","content":"ticket 19"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 19"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','c50b7442077661077f7b21ae871ccb3b',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','69c668ab1adb3f6f0b8f6c189b2961a0',41,'triage','ticket14','tiny',0,'{"messages":[{"role":"user","content":"ticket 14"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 14"',0.0,0,2.0387916666666665e-8,0,1,'2026-12-07T21:34:24Z','89761493339a41e2808b49819e20a2b3',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','8a49d47bfb03726159d75deb1d1163b4',43,'triage','ticket15','small',0,'{"messages":[{"role":"user","content":"ticket 15"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 15"',1.0,1,2.1e-6,0,1,'2026-12-07T21:34:24Z','e8a0b21ede2cf031320b0463a410eb94',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','35a5b37b4d2e1f720d7193a31deda127',49,'triage','ticket17','small',0,'{"messages":[{"role":"user","content":"ticket 17"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 17"',1.0,1,2.1e-6,0,1,'2026-12-07T21:34:24Z','05ebb86101bf0cfc60f6439df890d199',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','ede133977c824ff4014810da8e643a0a',44,'triage','ticket15','tiny',0,'{"messages":[{"role":"user","content":"ticket 15"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 15"',NULL,0,1.9939166666666665e-8,0,1,'2026-12-07T21:34:24Z','e8cc82b4652f9afa7e0493fb3be69b93',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','4b59210963d91decc684efeea4f599fa',46,'triage','ticket16','small',0,'{"messages":[{"role":"user","content":"ticket 16"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 16"',0.0,0,1.5e-6,0,1,'2026-12-07T21:34:24Z','6e252dd050ba88b9eb4e8cc4ea89ec15',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','8ff415d7dcff0e64c4b586a0e22ad2fb',60,'triage','ticket21','frontier',0,'{"messages":[{"role":"user","content":"ticket 21"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 21"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','de5bd82806d7abce14432310b63aaae6',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','2aaf98109b4926bb4c4344d5e33f8624',66,'triage','ticket23','frontier',0,'{"messages":[{"role":"user","content":"ticket 23"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 23"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','a5ce3218c723d9e60d9aa72883d298a8',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','297ab5c8f38bc5db8dd3a0d48d34bd1c',8,'triage','ticket3','tiny',0,'{"messages":[{"role":"user","content":"ticket 3"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 3"',1.0,1,2.2929375e-7,0,1,'2026-12-07T21:34:24Z','aabeebf593449cb9506355012e3c095e',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','78f197da7f75f1f38555cc756ce1e248',55,'triage','ticket19','small',0,'{"messages":[{"role":"user","content":"ticket 19"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 19"',1.0,1,2.1e-6,0,1,'2026-12-07T21:34:24Z','a8d3b962e9387214284d39412b1ea2fe',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','852cf6072ececc8576b220ccf7018b55',63,'triage','ticket22','frontier',0,'{"messages":[{"role":"user","content":"ticket 22"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 22"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','adc30fbd1ffa8605587f5f436bd836cc',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','bea04b001744ce2e139c36300977db7d',50,'triage','ticket17','tiny',0,'{"messages":[{"role":"user","content":"ticket 17"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 17"',1.0,1,6.57151388888889e-8,0,1,'2026-12-07T21:34:24Z','6910bda3bc8b8e76075c3d2c5b709eb5',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','dc00fd70290348c52066a63738133613',52,'triage','ticket18','small',0,'{"messages":[{"role":"user","content":"ticket 18"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 18"',1.0,1,2.1e-6,0,1,'2026-12-07T21:34:24Z','3244481b54764b118169110edc6ce5fa',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','e6942100a8b20adbb4950f526c42fdb5',53,'triage','ticket18','tiny',0,'{"messages":[{"role":"user","content":"ticket 18"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 18"',0.0,0,5.979777777777778e-8,0,1,'2026-12-07T21:34:24Z','d608e6e5eafc7d2c919993226dd1cd69',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','31a8df8f13e1bfd4f5cc9ce7360cf36e',59,'triage','ticket20','tiny',0,'{"messages":[{"role":"user","content":"ticket 20"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 20"',NULL,0,4.2959444444444445e-8,0,1,'2026-12-07T21:34:24Z','ef6d153cc957c33f247045d11cf57c75',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','7188051dc99a944c49139df7a27e1fc8',61,'triage','ticket21','small',0,'{"messages":[{"role":"user","content":"ticket 21"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 21"',1.0,1,2.1e-6,0,1,'2026-12-07T21:34:24Z','0f7debc2cd4a3324caa7bb67e4982438',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','496c099daaf9e9f252c8b4be11db8590',58,'triage','ticket20','small',0,'{"messages":[{"role":"user","content":"ticket 20"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 20"',0.0,0,1.5e-6,0,1,'2026-12-07T21:34:24Z','3d49dc44e4150c50aa6ba71e5a44b8b9',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','cc3a091fdb20778b4ab802465e8ccd24',56,'triage','ticket19','tiny',0,'{"messages":[{"role":"user","content":"ticket 19"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 19"',1.0,1,5.499694444444445e-8,0,1,'2026-12-07T21:34:24Z','6cb480529371ec21e6d19804c8167d47',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','b6752eea8c9e7c690a160407a0cdc56a',72,'lookup','order1','frontier',0,'{"messages":[{"role":"user","content":"order 1"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 1"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','3e122d8320f5f9343b151d460f1ad51f',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','0890497a94122ad00e8b95e282392183',75,'lookup','order2','frontier',0,'{"messages":[{"role":"user","content":"order 2"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 2"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','db435d9d5f81ba1ecb6a1321d540e99f',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','e62745ee52d2a8b3a70ee0f4452f89af',69,'triage','ticket24','frontier',0,'{"messages":[{"role":"user","content":"ticket 24"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 24"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','6d3d68db977a409145cb39f3eb30dab9',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','077b6c6d909ed40bf311b052ffc83d86',81,'lookup','order4','frontier',0,'{"messages":[{"role":"user","content":"order 4"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 4"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','851187ed4b6aac0618c463981dca5425',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','eb8b32769175ff066f288a7cb48e3733',62,'triage','ticket21','tiny',0,'{"messages":[{"role":"user","content":"ticket 21"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 21"',1.0,1,4.2702916666666666e-8,0,1,'2026-12-07T21:34:24Z','f039dc247325a4a76b50424f3049ab3f',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','394a789f4e31f80137169d016c4291d0',64,'triage','ticket22','small',0,'{"messages":[{"role":"user","content":"ticket 22"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 22"',1.0,1,2.1e-6,0,1,'2026-12-07T21:34:24Z','dab7e20846088634b6da640ffab0e1db',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','1c8dfc722748c197f844ab03a7a96f90',65,'triage','ticket22','tiny',0,'{"messages":[{"role":"user","content":"ticket 22"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 22"',0.0,0,7.195e-8,0,1,'2026-12-07T21:34:24Z','7372eaf96faec05149496731146955c4',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','439857b1d4941b6fdd57196ac49f71f0',84,'lookup','order5','frontier',0,'{"messages":[{"role":"user","content":"order 5"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 5"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','86ea8d3ce46ccddf7a670c2927b5a33f',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','5b71f641aaad32613d8bb996835ec463',47,'triage','ticket16','tiny',0,'{"messages":[{"role":"user","content":"ticket 16"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 16"',0.0,0,2.567236111111111e-7,0,1,'2026-12-07T21:34:24Z','65d5d7b724e4c3b0c61b1af6f50297c3',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','89f3abbc92444ec635ef324495486168',78,'lookup','order3','frontier',0,'{"messages":[{"role":"user","content":"order 3"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 3"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','7df39d94a6ee38e4c5e20618bce6e167',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','2686ae15e2668efef3d2512c93432e9e',68,'triage','ticket23','tiny',0,'{"messages":[{"role":"user","content":"ticket 23"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 23"',1.0,1,1.2841763888888888e-7,0,1,'2026-12-07T21:34:24Z','55ca0e025b0e8b00e36abfb51d140204',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','b4799a32a7166a4db271e59fd5067661',73,'lookup','order1','small',0,'{"messages":[{"role":"user","content":"order 1"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 1"',1.0,1,2.1e-6,0,1,'2026-12-07T21:34:24Z','329a05514f59b269da6a9fe01e134132',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','3d039deccfb10f591b6dce443c6e6a25',70,'triage','ticket24','small',0,'{"messages":[{"role":"user","content":"ticket 24"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 24"',0.0,0,1.5e-6,0,1,'2026-12-07T21:34:24Z','c0d018efc00a332d94ad00c9f134a24a',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','9828e3a7967f7dbdbb68f82b3f059b96',71,'triage','ticket24','tiny',0,'{"messages":[{"role":"user","content":"ticket 24"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 24"',0.0,0,9.905166666666666e-8,0,1,'2026-12-07T21:34:24Z','a8a51973a77483b6f1ae8bd55865475b',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','a4bf153c095d98450de866f568f9358e',87,'lookup','order6','frontier',0,'{"messages":[{"role":"user","content":"order 6"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 6"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','39a849f706011c780de37c156f589e18',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','3adcbff4e3c28cddda9190069713f784',76,'lookup','order2','small',0,'{"messages":[{"role":"user","content":"order 2"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 2"',1.0,1,2.1e-6,0,1,'2026-12-07T21:34:24Z','5c5ae2e8c9485c5d64a9e4b2f9697714',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','affe164e946619cc5f5c58e3f175811f',74,'lookup','order1','tiny',0,'{"messages":[{"role":"user","content":"order 1"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 1"',1.0,1,4.277638888888889e-8,0,1,'2026-12-07T21:34:24Z','f8d874a6ba0ddf26a776d6b7e649cd3c',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','680e141effd85c35a7a974d84a29fb83',83,'lookup','order4','tiny',0,'{"messages":[{"role":"user","content":"order 4"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 4"',0.5,0,1.097875e-8,0,1,'2026-12-07T21:34:24Z','80ba5085cbd7326f2c8dd97052558e1f',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','be640e94fd8b029645fc19a19e99fb50',67,'triage','ticket23','small',0,'{"messages":[{"role":"user","content":"ticket 23"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: ticket 23"',1.0,1,2.1e-6,0,1,'2026-12-07T21:34:24Z','5852521322de549fafdd5ca545dee908',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','cafd4bfbe55a9285ea73109377824b91',80,'lookup','order3','tiny',0,'{"messages":[{"role":"user","content":"order 3"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 3"',1.0,1,8.399333333333333e-8,0,1,'2026-12-07T21:34:24Z','b9a657e5b069bf9753fa220f540c5eb7',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','df8e8954893b6bbb92fed9e06f8accef',77,'lookup','order2','tiny',0,'{"messages":[{"role":"user","content":"order 2"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 2"',0.5,0,1.3129875e-7,0,1,'2026-12-07T21:34:24Z','9f99550295e94b7eb1a8fb5e6ccc2cea',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','3a663cedc7aadc1ac97c2769cf2e6628',79,'lookup','order3','small',0,'{"messages":[{"role":"user","content":"order 3"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 3"',1.0,1,2.1e-6,0,1,'2026-12-07T21:34:24Z','a39f94a5b051bfea69e5ca71c493e10c',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','fd02e3c22a2a90076555b282f268a6f7',90,'lookup','order7','frontier',0,'{"messages":[{"role":"user","content":"order 7"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 7"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','6a6cd3b19ca2ff715ad31255c3db393c',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','d36f89d732533ebd34b5ba6ab8a188c9',96,'lookup','order9','frontier',0,'{"messages":[{"role":"user","content":"order 9"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 9"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','545b01c1e0cd6e711b8eb1637f4ca803',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','fa1768993b2388407a9b928aa8935859',82,'lookup','order4','small',0,'{"messages":[{"role":"user","content":"order 4"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 4"',1.0,1,2.1e-6,0,1,'2026-12-07T21:34:24Z','15215995bc8848409a7962188e2976ed',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','33d33d667fbc776d11f9566af124b956',99,'lookup','order10','frontier',0,'{"messages":[{"role":"user","content":"order 10"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 10"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','1d7a91793398c518b8ff5a9c6146e5ed',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','7fae69c583ef2ceee25e21ce02a357f5',85,'lookup','order5','small',0,'{"messages":[{"role":"user","content":"order 5"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 5"',1.0,1,2.1e-6,0,1,'2026-12-07T21:34:24Z','f1469e57230ded310b4fce516b239454',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','156a9ea62bd2e999445cebfb81991c50',86,'lookup','order5','tiny',0,'{"messages":[{"role":"user","content":"order 5"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 5"',NULL,0,1.09955e-7,0,1,'2026-12-07T21:34:24Z','9fcf734633f6af5b70f603b8c1768454',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','06a05ac2f96a64c58bff14040fe61aa7',88,'lookup','order6','small',0,'{"messages":[{"role":"user","content":"order 6"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 6"',1.0,1,2.1e-6,0,1,'2026-12-07T21:34:24Z','0fe68dcf19d11da6c38594d12841f9b9',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','310f2630d818c32eeb2802d24d63083d',89,'lookup','order6','tiny',0,'{"messages":[{"role":"user","content":"order 6"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 6"',0.5,0,3.492152777777778e-8,0,1,'2026-12-07T21:34:24Z','af71ce6c0a1100ebf74c3df2f516aec2',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','21af9744cca0adc0b9188305e0b8a341',91,'lookup','order7','small',0,'{"messages":[{"role":"user","content":"order 7"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 7"',1.0,1,2.1e-6,0,1,'2026-12-07T21:34:24Z','ab09f0c40fa4c9332873ae2a3cbce099',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','56b29ade3925973e0b594e171cc5b973',92,'lookup','order7','tiny',0,'{"messages":[{"role":"user","content":"order 7"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 7"',1.0,1,2.7357361111111113e-8,0,1,'2026-12-07T21:34:24Z','b7cb4f4ae6d0a2e1abe10bb2ed8a2048',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','b88a13379a0796de473dc70a7ca17839',102,'lookup','order11','frontier',0,'{"messages":[{"role":"user","content":"order 11"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 11"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','93a736947eb25304ff1760278392f679',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','d9e040aeabefb5d1e83e1cdba0d414fa',101,'lookup','order10','tiny',0,'{"messages":[{"role":"user","content":"order 10"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 10"',NULL,0,5.182083333333334e-9,0,1,'2026-12-07T21:34:24Z','0a022930fe1aa04d5b7776569d181c39',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','ee0372409fe59e889aa3c5d77c9c0660',105,'lookup','order12','frontier',0,'{"messages":[{"role":"user","content":"order 12"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 12"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','10999e3a2a131b96c05f1d29c09c9bd1',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','26f21046d14e547a4f5ceac7c1cb90b9',95,'lookup','order8','tiny',0,'{"messages":[{"role":"user","content":"order 8"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 8"',0.5,0,2.777611111111111e-8,0,1,'2026-12-07T21:34:24Z','1d0df17157f805ba61c8911de06b0058',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','bd1b48022d5c9f120982c2bd84f71673',94,'lookup','order8','small',0,'{"messages":[{"role":"user","content":"order 8"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 8"',1.0,1,2.1e-6,0,1,'2026-12-07T21:34:24Z','612294584a99ff9baa0583a8ad55867f',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','fd8a4ac4c8523a916ef3db435f429a50',98,'lookup','order9','tiny',0,'{"messages":[{"role":"user","content":"order 9"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 9"',1.0,1,2.7331111111111113e-8,0,1,'2026-12-07T21:34:24Z','5d8a240018cc0e3aedbaaf44b27dc6ca',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','8e5110feb04980da3ddd85fe2ac668e9',97,'lookup','order9','small',0,'{"messages":[{"role":"user","content":"order 9"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 9"',1.0,1,2.1e-6,0,1,'2026-12-07T21:34:24Z','8d247371beafe167d145df7ee4fcb019',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','069617277608de8dc1dd0c1219601415',100,'lookup','order10','small',0,'{"messages":[{"role":"user","content":"order 10"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 10"',1.0,1,2.1e-6,0,1,'2026-12-07T21:34:24Z','f9af879b6d183854f1d015d4d949d859',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','abc117d3f28cd699604f68713e10e7c3',107,'lookup','order12','tiny',0,'{"messages":[{"role":"user","content":"order 12"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 12"',0.5,0,1.170625e-8,0,1,'2026-12-07T21:34:24Z','07d49f410a291e12b4e58cb12974f3d1',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','d8e9ff76482483ec239ae4c96270e281',93,'lookup','order8','frontier',0,'{"messages":[{"role":"user","content":"order 8"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 8"',1.0,1,5.5e-5,0,1,'2026-12-07T21:34:24Z','3fa324201142fe39f8d1ff23370106ae',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','007d7e939a4e76f42037f2d028649759',104,'lookup','order11','tiny',0,'{"messages":[{"role":"user","content":"order 11"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 11"',1.0,1,1.0221236111111111e-7,0,1,'2026-12-07T21:34:24Z','b145ca2c6113fd03c46c51ddb1e07f9e',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','65f38095e69f106e6b6d1a7054a2f965',106,'lookup','order12','small',0,'{"messages":[{"role":"user","content":"order 12"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 12"',1.0,1,2.1e-6,0,1,'2026-12-07T21:34:24Z','4373a1f4fba76440edd206acdf3735d3',0.0);
INSERT INTO "trials" VALUES('20261207-213424-47a5','de608218f0a4dd9b91f2019e28ea235a',103,'lookup','order11','small',0,'{"messages":[{"role":"user","content":"order 11"}],"max_tokens":16,"temperature":0.0,"top_p":null,"seed":null,"stop":[],"timeout":5000}','"echo: order 11"',1.0,1,2.1e-6,0,1,'2026-12-07T21:34:24Z','d29ddff9419f145a8c7f7dd60bab8a35',0.0);
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
INSERT INTO "completions" VALUES('20261207-213424-47a5','c43f9066b69599181c9e89ea0b70e507','echo: ticket 4','stop',2,3,0,0,0,0,1793,1893,'[51,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','a835cc0dec19d4b2b580a78e16b14b7f','echo: ticket 1','stop',2,3,0,0,0,0,1570,1669,'[40,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','dc2005a1f86eceffc9cea1905ff138cf','echo: ticket 2','stop',2,3,0,0,0,0,1512,1603,'[31,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','6b8099c3d031314f40a907ad1b9f49e0','echo: ticket 3','stop',2,3,0,0,0,0,1444,1530,'[26,1]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','a38367fc2464595a5766182dcd345c10','echo: ticket 6','stop',2,3,0,0,0,0,1408,1489,'[20,1]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','d3d366b5356645c651c9fbbde02bdff2','echo: ticket 8','stop',2,3,0,0,0,0,3883,4196,'[150,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','c6c8c86326d279ec305e86fdd56ba32f','something else','stop',2,2,0,0,0,0,1597,1776,'[69]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','502d25be110806aeb466111ad69a4976','echo: ticket 3','stop',2,3,0,0,0,0,1492,1786,'[128,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','638705f54f1a480ca0bf77014932b9b2','echo: ticket 5','stop',2,3,0,0,0,0,3280,3479,'[62,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','4c3190e725fb0e3d2b7240cc16a76700','echo: ticket 7','stop',2,3,0,0,0,0,3261,3449,'[52,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','2a0abe84bd8d92060a097e1b66d9c311','echo: ticket 1','stop',2,3,0,0,0,0,1604,1933,'[97,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','63b28628ea1a37d16a2cb3a4b20e4d07','echo: ticket 2','stop',2,3,0,0,0,0,1599,1915,'[83,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','9e92dea9a026732edf859744681dba23','echo: ticket 1','stop',2,3,0,0,0,0,1638,1969,'[113,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','fc660fe9b0d40c7255818aea5fd247a7','echo: ticket 6','stop',2,3,0,0,0,0,371,394,'[4,4]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','733c9586c898d79b9016de3feba8274e','echo: ticket 5','stop',2,3,0,0,0,0,637,653,'[3,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','dab22d06e3501063c1b6fb8d16887393','echo: ticket 9','stop',2,3,0,0,0,0,829,846,'[3,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','6e978b663d0f5577b0bbae463c064a90','something else','stop',2,2,0,0,0,0,908,922,'[4]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','0f1bb9ccf90905ad42e1aa1d0709790c','','error',0,0,0,0,0,0,NULL,960,'[]','server_error','HTTP 500: The server had an error while processing your request.',500,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','848efbc54a84bba5606b6d1c574fbe1b','echo: ticket 10','stop',2,3,0,0,0,0,813,1085,'[216,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','5f164864fc04f89e6fa7baedb05bd2b7','something else','stop',2,2,0,0,0,0,1160,1202,'[21]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','2114403df80af0ceeae76c2715dd76fa','something else','stop',2,2,0,0,0,0,562,664,'[56]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','4f6e82931cb2561b7db69654d9d8d577','echo: ticket 12','stop',2,3,0,0,0,0,349,458,'[60,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','6517ef0873fb2e83fabe8576260741ce','echo: ticket 11','stop',2,3,0,0,0,0,756,846,'[40,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','80b2537ae22d3ea4e2c6fca617c21aa0','echo: ticket 7','stop',2,3,0,0,0,0,540,655,'[21,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','da98c80f56fe98e66a0b280c8c7f8336','something else','stop',2,2,0,0,0,0,436,505,'[46]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','001edff91ffab76d7328b83d715ab24a','echo: ticket 13','stop',2,3,0,0,0,0,406,473,'[30,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','0ad6e557a926611d57154b04cae68b58','echo: ticket 7','stop',2,3,0,0,0,0,599,648,'[15,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','a7e43d65bd99b5e92fc66571a69e6157','echo: ticket 9','stop',2,3,0,0,0,0,379,467,'[53,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','974ffd152f220c066156f17326b7fdfc','echo: ticket 9','stop',2,3,0,0,0,0,335,404,'[35,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','cd871754d3ef6471c67e320776cefd39','something else','stop',2,2,0,0,0,0,475,512,'[15]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','ded88cb2c3c6fd0d13ee42a8339f01c3','','error',0,0,0,0,0,0,NULL,375,'[]','server_error','HTTP 500: The server had an error while processing your request.',500,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','d2c5039aac7760d37970ebe4d8ecad3e','echo: ticket 10','stop',2,3,0,0,0,0,397,566,'[108,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','923ffe614677f2f1a8fa194bcf78aa83','echo: ticket 14','stop',2,3,0,0,0,0,645,785,'[79,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','b115a5886953c97f32df75899684ec3e','echo: ticket 15','stop',2,3,0,0,0,0,498,631,'[20,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','609708fb6bb27ceb7945d8a0df4f1366','echo: ticket 11','stop',2,3,0,0,0,0,160,443,'[42,202]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','ebeb69dfdddb0086baf7f5bfe43af538','echo: ticket 16','stop',2,3,0,0,0,0,434,508,'[40,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','aa9a8892413a58183f24defc2cb1f248','echo: ticket 11','stop',2,3,0,0,0,0,513,597,'[15,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','c278e4dbb2b2678be130ee9e7717bc25','echo: ticket 17','stop',2,3,0,0,0,0,326,396,'[36,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','584ffecfd30bcf499e11a190d3d39fd5','something else','stop',2,2,0,0,0,0,301,346,'[25]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','e756fe4c499bd3985f3cb58d18017735','something else','stop',2,2,0,0,0,0,506,540,'[13]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','c54f6564abe847e16f9e92579aee555a','echo: ticket 13','stop',2,3,0,0,0,0,448,511,'[20,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','ce4dfef58132d57b0215653f719cea7e','echo: ticket 14','stop',2,3,0,0,0,0,255,307,'[30,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','115f3682cb6c3cecde6c90fb060f9a81','echo: ticket 18','stop',2,3,0,0,0,0,347,486,'[115,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','864b2ddc90a172f867e5aa4aa7da9f4d','echo: ticket 13','stop',2,3,0,0,0,0,418,454,'[14,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','2d2832f7e3c2f0ef5e4ee2e83a648427','echo: ticket 20','stop',2,3,0,0,0,0,184,198,'[2,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','5ed2167c9f77bcbfc42a7852b494ce0a','echo: ticket 19','stop',2,3,0,0,0,0,444,459,'[3,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','69c668ab1adb3f6f0b8f6c189b2961a0','something else','stop',2,2,0,0,0,0,476,487,'[3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','8a49d47bfb03726159d75deb1d1163b4','echo: ticket 15','stop',2,3,0,0,0,0,521,535,'[2,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','35a5b37b4d2e1f720d7193a31deda127','echo: ticket 17','stop',2,3,0,0,0,0,174,196,'[2,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','ede133977c824ff4014810da8e643a0a','','error',0,0,0,0,0,0,NULL,516,'[]','server_error','HTTP 500: The server had an error while processing your request.',500,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','4b59210963d91decc684efeea4f599fa','something else','stop',2,2,0,0,0,0,471,483,'[3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','8ff415d7dcff0e64c4b586a0e22ad2fb','echo: ticket 21','stop',2,3,0,0,0,0,623,640,'[3,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','2aaf98109b4926bb4c4344d5e33f8624','echo: ticket 23','stop',2,3,0,0,0,0,1293,1466,'[110,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','297ab5c8f38bc5db8dd3a0d48d34bd1c','echo: ticket 3','stop',2,3,0,0,0,0,5017,5196,'[90,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','78f197da7f75f1f38555cc756ce1e248','echo: ticket 19','stop',2,3,0,0,0,0,1049,1216,'[80,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','852cf6072ececc8576b220ccf7018b55','echo: ticket 22','stop',2,3,0,0,0,0,1540,1696,'[73,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','bea04b001744ce2e139c36300977db7d','echo: ticket 17','stop',2,3,0,0,0,0,1485,1631,'[64,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','dc00fd70290348c52066a63738133613','echo: ticket 18','stop',2,3,0,0,0,0,1450,1557,'[27,1]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','e6942100a8b20adbb4950f526c42fdb5','something else','stop',2,2,0,0,0,0,1423,1705,'[135]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','31a8df8f13e1bfd4f5cc9ce7360cf36e','','error',0,0,0,0,0,0,NULL,932,'[]','server_error','HTTP 500: The server had an error while processing your request.',500,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','7188051dc99a944c49139df7a27e1fc8','echo: ticket 21','stop',2,3,0,0,0,0,853,1027,'[124,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','496c099daaf9e9f252c8b4be11db8590','something else','stop',2,2,0,0,0,0,941,1088,'[112]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','cc3a091fdb20778b4ab802465e8ccd24','echo: ticket 19','stop',2,3,0,0,0,0,1048,1153,'[60,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','b6752eea8c9e7c690a160407a0cdc56a','echo: order 1','stop',2,3,0,0,0,0,930,1078,'[103,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','0890497a94122ad00e8b95e282392183','echo: order 2','stop',2,3,0,0,0,0,938,1037,'[38,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','e62745ee52d2a8b3a70ee0f4452f89af','echo: ticket 24','stop',2,3,0,0,0,0,1174,1253,'[18,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','077b6c6d909ed40bf311b052ffc83d86','echo: order 4','stop',2,3,0,0,0,0,271,294,'[3,8]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','eb8b32769175ff066f288a7cb48e3733','echo: ticket 21','stop',2,3,0,0,0,0,1018,1074,'[12,10]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','394a789f4e31f80137169d016c4291d0','echo: ticket 22','stop',2,3,0,0,0,0,1350,1370,'[4,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','1c8dfc722748c197f844ab03a7a96f90','something else','stop',2,2,0,0,0,0,1938,1985,'[13]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','439857b1d4941b6fdd57196ac49f71f0','echo: order 5','stop',2,3,0,0,0,0,1517,1694,'[109,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','5b71f641aaad32613d8bb996835ec463','something else','stop',2,2,0,0,0,0,6182,6314,'[95]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','89f3abbc92444ec635ef324495486168','echo: order 3','stop',2,3,0,0,0,0,2933,3082,'[82,1]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','2686ae15e2668efef3d2512c93432e9e','echo: ticket 23','stop',2,3,0,0,0,0,2918,3055,'[74,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','b4799a32a7166a4db271e59fd5067661','echo: order 1','stop',2,3,0,0,0,0,884,1012,'[67,1]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','3d039deccfb10f591b6dce443c6e6a25','something else','stop',2,2,0,0,0,0,2559,2639,'[42]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','9828e3a7967f7dbdbb68f82b3f059b96','something else','stop',2,2,0,0,0,0,2033,2102,'[31]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','a4bf153c095d98450de866f568f9358e','echo: order 6','stop',2,3,0,0,0,0,631,699,'[33,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','3adcbff4e3c28cddda9190069713f784','echo: order 2','stop',2,3,0,0,0,0,616,675,'[23,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','affe164e946619cc5f5c58e3f175811f','echo: order 1','stop',2,3,0,0,0,0,727,773,'[17,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','680e141effd85c35a7a974d84a29fb83','something else','stop',2,2,0,0,0,0,171,215,'[12]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','be640e94fd8b029645fc19a19e99fb50','echo: ticket 23','stop',2,3,0,0,0,0,3475,4652,'[6,6]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','cafd4bfbe55a9285ea73109377824b91','echo: order 3','stop',2,3,0,0,0,0,1382,1486,'[30,10]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','df8e8954893b6bbb92fed9e06f8accef','something else','stop',2,2,0,0,0,0,2159,2176,'[4]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','3a663cedc7aadc1ac97c2769cf2e6628','echo: order 3','stop',2,3,0,0,0,0,2319,2369,'[23,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','fd02e3c22a2a90076555b282f268a6f7','echo: order 7','stop',2,3,0,0,0,0,2364,2401,'[9,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','d36f89d732533ebd34b5ba6ab8a188c9','echo: order 9','stop',2,3,0,0,0,0,1470,1588,'[55,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','fa1768993b2388407a9b928aa8935859','echo: order 4','stop',2,3,0,0,0,0,1816,1910,'[31,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','33d33d667fbc776d11f9566af124b956','echo: order 10','stop',2,3,0,0,0,0,342,425,'[36,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','7fae69c583ef2ceee25e21ce02a357f5','echo: order 5','stop',2,3,0,0,0,0,1283,1432,'[22,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','156a9ea62bd2e999445cebfb81991c50','','error',0,0,0,0,0,0,NULL,1288,'[]','server_error','HTTP 500: The server had an error while processing your request.',500,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','06a05ac2f96a64c58bff14040fe61aa7','echo: order 6','stop',2,3,0,0,0,0,426,533,'[71,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','310f2630d818c32eeb2802d24d63083d','something else','stop',2,2,0,0,0,0,446,482,'[18]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','21af9744cca0adc0b9188305e0b8a341','echo: order 7','stop',2,3,0,0,0,0,347,428,'[43,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','56b29ade3925973e0b594e171cc5b973','echo: order 7','stop',2,3,0,0,0,0,328,394,'[30,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','b88a13379a0796de473dc70a7ca17839','echo: order 11','stop',2,3,0,0,0,0,430,478,'[14,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','d9e040aeabefb5d1e83e1cdba0d414fa','','error',0,0,0,0,0,0,NULL,106,'[]','server_error','HTTP 500: The server had an error while processing your request.',500,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','ee0372409fe59e889aa3c5d77c9c0660','echo: order 12','stop',2,3,0,0,0,0,496,543,'[23,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','26f21046d14e547a4f5ceac7c1cb90b9','something else','stop',2,2,0,0,0,0,325,349,'[9]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','bd1b48022d5c9f120982c2bd84f71673','echo: order 8','stop',2,3,0,0,0,0,541,619,'[67,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','fd8a4ac4c8523a916ef3db435f429a50','echo: order 9','stop',2,3,0,0,0,0,372,416,'[20,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','8e5110feb04980da3ddd85fe2ac668e9','echo: order 9','stop',2,3,0,0,0,0,548,580,'[8,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','069617277608de8dc1dd0c1219601415','echo: order 10','stop',2,3,0,0,0,0,433,448,'[3,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','abc117d3f28cd699604f68713e10e7c3','something else','stop',2,2,0,0,0,0,180,191,'[3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','d8e9ff76482483ec239ae4c96270e281','echo: order 8','stop',2,3,0,0,0,0,772,3542,'[21,21]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','007d7e939a4e76f42037f2d028649759','echo: order 11','stop',2,3,0,0,0,0,726,853,'[36,3]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','65f38095e69f106e6b6d1a7054a2f965','echo: order 12','stop',2,3,0,0,0,0,782,889,'[16,2]',NULL,NULL,NULL,0,0,0);
INSERT INTO "completions" VALUES('20261207-213424-47a5','de608218f0a4dd9b91f2019e28ea235a','echo: order 11','stop',2,3,0,0,0,0,1317,1334,'[2,3]',NULL,NULL,NULL,0,0,0);
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
INSERT INTO "scores" VALUES('20261207-213424-47a5','c43f9066b69599181c9e89ea0b70e507',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','a835cc0dec19d4b2b580a78e16b14b7f',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','dc2005a1f86eceffc9cea1905ff138cf',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','6b8099c3d031314f40a907ad1b9f49e0',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','a38367fc2464595a5766182dcd345c10',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','d3d366b5356645c651c9fbbde02bdff2',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','c6c8c86326d279ec305e86fdd56ba32f',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 2", got "something else"');
INSERT INTO "scores" VALUES('20261207-213424-47a5','502d25be110806aeb466111ad69a4976',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','638705f54f1a480ca0bf77014932b9b2',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','4c3190e725fb0e3d2b7240cc16a76700',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','2a0abe84bd8d92060a097e1b66d9c311',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','63b28628ea1a37d16a2cb3a4b20e4d07',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','9e92dea9a026732edf859744681dba23',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','fc660fe9b0d40c7255818aea5fd247a7',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','733c9586c898d79b9016de3feba8274e',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','dab22d06e3501063c1b6fb8d16887393',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','6e978b663d0f5577b0bbae463c064a90',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 4", got "something else"');
INSERT INTO "scores" VALUES('20261207-213424-47a5','848efbc54a84bba5606b6d1c574fbe1b',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','5f164864fc04f89e6fa7baedb05bd2b7',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 4", got "something else"');
INSERT INTO "scores" VALUES('20261207-213424-47a5','2114403df80af0ceeae76c2715dd76fa',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 6", got "something else"');
INSERT INTO "scores" VALUES('20261207-213424-47a5','4f6e82931cb2561b7db69654d9d8d577',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','6517ef0873fb2e83fabe8576260741ce',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','80b2537ae22d3ea4e2c6fca617c21aa0',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','da98c80f56fe98e66a0b280c8c7f8336',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 8", got "something else"');
INSERT INTO "scores" VALUES('20261207-213424-47a5','001edff91ffab76d7328b83d715ab24a',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','0ad6e557a926611d57154b04cae68b58',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','a7e43d65bd99b5e92fc66571a69e6157',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','974ffd152f220c066156f17326b7fdfc',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','cd871754d3ef6471c67e320776cefd39',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 8", got "something else"');
INSERT INTO "scores" VALUES('20261207-213424-47a5','d2c5039aac7760d37970ebe4d8ecad3e',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','923ffe614677f2f1a8fa194bcf78aa83',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','b115a5886953c97f32df75899684ec3e',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','609708fb6bb27ceb7945d8a0df4f1366',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','ebeb69dfdddb0086baf7f5bfe43af538',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','aa9a8892413a58183f24defc2cb1f248',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','c278e4dbb2b2678be130ee9e7717bc25',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','584ffecfd30bcf499e11a190d3d39fd5',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 12", got "something else"');
INSERT INTO "scores" VALUES('20261207-213424-47a5','e756fe4c499bd3985f3cb58d18017735',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 12", got "something else"');
INSERT INTO "scores" VALUES('20261207-213424-47a5','c54f6564abe847e16f9e92579aee555a',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','ce4dfef58132d57b0215653f719cea7e',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','115f3682cb6c3cecde6c90fb060f9a81',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','864b2ddc90a172f867e5aa4aa7da9f4d',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','2d2832f7e3c2f0ef5e4ee2e83a648427',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','5ed2167c9f77bcbfc42a7852b494ce0a',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','69c668ab1adb3f6f0b8f6c189b2961a0',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 14", got "something else"');
INSERT INTO "scores" VALUES('20261207-213424-47a5','8a49d47bfb03726159d75deb1d1163b4',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','35a5b37b4d2e1f720d7193a31deda127',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','4b59210963d91decc684efeea4f599fa',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 16", got "something else"');
INSERT INTO "scores" VALUES('20261207-213424-47a5','8ff415d7dcff0e64c4b586a0e22ad2fb',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','2aaf98109b4926bb4c4344d5e33f8624',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','297ab5c8f38bc5db8dd3a0d48d34bd1c',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','78f197da7f75f1f38555cc756ce1e248',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','852cf6072ececc8576b220ccf7018b55',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','bea04b001744ce2e139c36300977db7d',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','dc00fd70290348c52066a63738133613',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','e6942100a8b20adbb4950f526c42fdb5',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 18", got "something else"');
INSERT INTO "scores" VALUES('20261207-213424-47a5','7188051dc99a944c49139df7a27e1fc8',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','496c099daaf9e9f252c8b4be11db8590',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 20", got "something else"');
INSERT INTO "scores" VALUES('20261207-213424-47a5','cc3a091fdb20778b4ab802465e8ccd24',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','b6752eea8c9e7c690a160407a0cdc56a',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','b6752eea8c9e7c690a160407a0cdc56a',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','0890497a94122ad00e8b95e282392183',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','0890497a94122ad00e8b95e282392183',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','e62745ee52d2a8b3a70ee0f4452f89af',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','077b6c6d909ed40bf311b052ffc83d86',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','077b6c6d909ed40bf311b052ffc83d86',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','eb8b32769175ff066f288a7cb48e3733',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','394a789f4e31f80137169d016c4291d0',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','1c8dfc722748c197f844ab03a7a96f90',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 22", got "something else"');
INSERT INTO "scores" VALUES('20261207-213424-47a5','439857b1d4941b6fdd57196ac49f71f0',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','439857b1d4941b6fdd57196ac49f71f0',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','5b71f641aaad32613d8bb996835ec463',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 16", got "something else"');
INSERT INTO "scores" VALUES('20261207-213424-47a5','89f3abbc92444ec635ef324495486168',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','89f3abbc92444ec635ef324495486168',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','2686ae15e2668efef3d2512c93432e9e',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','b4799a32a7166a4db271e59fd5067661',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','b4799a32a7166a4db271e59fd5067661',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','3d039deccfb10f591b6dce443c6e6a25',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 24", got "something else"');
INSERT INTO "scores" VALUES('20261207-213424-47a5','9828e3a7967f7dbdbb68f82b3f059b96',0,'exact',1.0,0.0,0,NULL,'expected "echo: ticket 24", got "something else"');
INSERT INTO "scores" VALUES('20261207-213424-47a5','a4bf153c095d98450de866f568f9358e',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','a4bf153c095d98450de866f568f9358e',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','3adcbff4e3c28cddda9190069713f784',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','3adcbff4e3c28cddda9190069713f784',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','affe164e946619cc5f5c58e3f175811f',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','affe164e946619cc5f5c58e3f175811f',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','680e141effd85c35a7a974d84a29fb83',0,'exact',1.0,0.0,0,NULL,'expected "echo: order 4", got "something else"');
INSERT INTO "scores" VALUES('20261207-213424-47a5','680e141effd85c35a7a974d84a29fb83',1,'length',1.0,1.0,1,NULL,'14 characters, 2 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','be640e94fd8b029645fc19a19e99fb50',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','cafd4bfbe55a9285ea73109377824b91',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','cafd4bfbe55a9285ea73109377824b91',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','df8e8954893b6bbb92fed9e06f8accef',0,'exact',1.0,0.0,0,NULL,'expected "echo: order 2", got "something else"');
INSERT INTO "scores" VALUES('20261207-213424-47a5','df8e8954893b6bbb92fed9e06f8accef',1,'length',1.0,1.0,1,NULL,'14 characters, 2 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','3a663cedc7aadc1ac97c2769cf2e6628',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','3a663cedc7aadc1ac97c2769cf2e6628',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','fd02e3c22a2a90076555b282f268a6f7',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','fd02e3c22a2a90076555b282f268a6f7',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','d36f89d732533ebd34b5ba6ab8a188c9',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','d36f89d732533ebd34b5ba6ab8a188c9',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','fa1768993b2388407a9b928aa8935859',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','fa1768993b2388407a9b928aa8935859',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','33d33d667fbc776d11f9566af124b956',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','33d33d667fbc776d11f9566af124b956',1,'length',1.0,1.0,1,NULL,'14 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','7fae69c583ef2ceee25e21ce02a357f5',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','7fae69c583ef2ceee25e21ce02a357f5',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','06a05ac2f96a64c58bff14040fe61aa7',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','06a05ac2f96a64c58bff14040fe61aa7',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','310f2630d818c32eeb2802d24d63083d',0,'exact',1.0,0.0,0,NULL,'expected "echo: order 6", got "something else"');
INSERT INTO "scores" VALUES('20261207-213424-47a5','310f2630d818c32eeb2802d24d63083d',1,'length',1.0,1.0,1,NULL,'14 characters, 2 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','21af9744cca0adc0b9188305e0b8a341',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','21af9744cca0adc0b9188305e0b8a341',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','56b29ade3925973e0b594e171cc5b973',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','56b29ade3925973e0b594e171cc5b973',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','b88a13379a0796de473dc70a7ca17839',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','b88a13379a0796de473dc70a7ca17839',1,'length',1.0,1.0,1,NULL,'14 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','ee0372409fe59e889aa3c5d77c9c0660',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','ee0372409fe59e889aa3c5d77c9c0660',1,'length',1.0,1.0,1,NULL,'14 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','26f21046d14e547a4f5ceac7c1cb90b9',0,'exact',1.0,0.0,0,NULL,'expected "echo: order 8", got "something else"');
INSERT INTO "scores" VALUES('20261207-213424-47a5','26f21046d14e547a4f5ceac7c1cb90b9',1,'length',1.0,1.0,1,NULL,'14 characters, 2 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','bd1b48022d5c9f120982c2bd84f71673',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','bd1b48022d5c9f120982c2bd84f71673',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','fd8a4ac4c8523a916ef3db435f429a50',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','fd8a4ac4c8523a916ef3db435f429a50',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','8e5110feb04980da3ddd85fe2ac668e9',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','8e5110feb04980da3ddd85fe2ac668e9',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','069617277608de8dc1dd0c1219601415',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','069617277608de8dc1dd0c1219601415',1,'length',1.0,1.0,1,NULL,'14 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','abc117d3f28cd699604f68713e10e7c3',0,'exact',1.0,0.0,0,NULL,'expected "echo: order 12", got "something else"');
INSERT INTO "scores" VALUES('20261207-213424-47a5','abc117d3f28cd699604f68713e10e7c3',1,'length',1.0,1.0,1,NULL,'14 characters, 2 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','d8e9ff76482483ec239ae4c96270e281',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','d8e9ff76482483ec239ae4c96270e281',1,'length',1.0,1.0,1,NULL,'13 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','007d7e939a4e76f42037f2d028649759',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','007d7e939a4e76f42037f2d028649759',1,'length',1.0,1.0,1,NULL,'14 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','65f38095e69f106e6b6d1a7054a2f965',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','65f38095e69f106e6b6d1a7054a2f965',1,'length',1.0,1.0,1,NULL,'14 characters, 3 words: within bounds');
INSERT INTO "scores" VALUES('20261207-213424-47a5','de608218f0a4dd9b91f2019e28ea235a',0,'exact',1.0,1.0,1,NULL,'matches the expected answer');
INSERT INTO "scores" VALUES('20261207-213424-47a5','de608218f0a4dd9b91f2019e28ea235a',1,'length',1.0,1.0,1,NULL,'14 characters, 3 words: within bounds');
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
INSERT INTO "run_models" VALUES('20261207-213424-47a5',0,'frontier','openai_compatible','frontier-1',1,'{"base_url":"http://127.0.0.1:44465/v1","model":"frontier-1","provider":"openai_compatible","stream":true}','http://127.0.0.1:44465/v1',NULL,NULL,5.0,15.0,5.0,5.0,15.0,0.0,'suite');
INSERT INTO "run_models" VALUES('20261207-213424-47a5',1,'small','openai_compatible','small-1',0,'{"base_url":"http://127.0.0.1:44465/v1","model":"small-1","provider":"openai_compatible","stream":true}','http://127.0.0.1:44465/v1',NULL,NULL,0.15,0.6,0.15,0.15,0.6,0.0,'suite');
INSERT INTO "run_models" VALUES('20261207-213424-47a5',2,'tiny','openai_compatible','tiny-1',0,'{"base_url":"http://127.0.0.1:44465/v1","model":"tiny-1","provider":"openai_compatible","stream":true}','http://127.0.0.1:44465/v1',NULL,NULL,0.0,0.0,0.0,0.0,0.0,0.5,'suite');
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
INSERT INTO "run_tasks" VALUES('20261207-213424-47a5',0,'triage','',0.8,0.05,5000.0,250000,0.02,'{"quality":0.05,"latency":0.25,"latency_ms":50.0,"cost":0.1,"error_rate":0.02}','pass_rate',NULL,NULL);
INSERT INTO "run_tasks" VALUES('20261207-213424-47a5',1,'lookup','',NULL,NULL,NULL,40000,0.02,'{"quality":0.05,"latency":0.25,"latency_ms":50.0,"cost":0.1,"error_rate":0.02}','mean',NULL,NULL);
CREATE TABLE run_sources (
        run_id TEXT NOT NULL REFERENCES runs(id),
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        PRIMARY KEY (run_id, path)
    );
INSERT INTO "run_sources" VALUES('20261207-213424-47a5','(built-in price book)','a1c7b5ac8e9980836bfb6fe7a513dc959d4ceb9ce4b69de691731ba2bf49e21a');
INSERT INTO "run_sources" VALUES('20261207-213424-47a5','/tmp/.tmp9ZkYj1/golden.yaml','e43a5d10810cdec1909d06e94accb9f15f13426cf70965b149dcbce98bdc1eb7');
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
CREATE TABLE capacity_levels (
        sweep_id TEXT NOT NULL REFERENCES capacity_sweeps(id),
        position INTEGER NOT NULL,
        level TEXT NOT NULL,
        PRIMARY KEY (sweep_id, position)
    );
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
