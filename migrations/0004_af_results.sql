CREATE TABLE `contract_results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contract_ka` text NOT NULL,
	`period` text NOT NULL,
	`participants` integer,
	`participants_a` integer,
	`participants_b` integer,
	`participants_c` integer,
	`rr1_a` integer,
	`rr1_b` integer,
	`rr1_c` integer,
	`rr2_a` integer,
	`rr2_b` integer,
	`rr2_c` integer,
	`weighted_score` real,
	`stars` integer,
	`active_22_months` integer,
	`at_risk_of_termination` integer,
	`source_file` text NOT NULL,
	`published_at` text NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`import_run_id` integer,
	FOREIGN KEY (`contract_ka`) REFERENCES `contracts`(`ka_number`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contract_results_uq` ON `contract_results` (`contract_ka`,`period`,`revision`);--> statement-breakpoint
CREATE TABLE `external_ids` (
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`system` text NOT NULL,
	`external_id` text NOT NULL,
	`first_seen` text NOT NULL,
	`last_seen` text NOT NULL,
	PRIMARY KEY(`system`, `external_id`, `entity`)
);
--> statement-breakpoint
CREATE INDEX `external_ids_entity_idx` ON `external_ids` (`entity`,`entity_id`);