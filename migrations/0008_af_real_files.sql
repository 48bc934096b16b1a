CREATE TABLE `period_weights` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`period` text NOT NULL,
	`weight_a` real NOT NULL,
	`weight_b` real NOT NULL,
	`weight_c` real NOT NULL,
	`source_file` text NOT NULL,
	`published_at` text NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`import_run_id` integer,
	FOREIGN KEY (`import_run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `period_weights_period_rev_uq` ON `period_weights` (`period`,`revision`);--> statement-breakpoint
CREATE TABLE `provider_merges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`from_provider_id` integer NOT NULL,
	`into_provider_id` integer NOT NULL,
	`basis` text NOT NULL,
	`detail` text NOT NULL,
	`merged_at` text NOT NULL,
	`import_run_id` integer,
	FOREIGN KEY (`into_provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `provider_merges_into_idx` ON `provider_merges` (`into_provider_id`);--> statement-breakpoint
CREATE INDEX `provider_merges_from_idx` ON `provider_merges` (`from_provider_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_providers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`orgnr` text,
	`legal_form` text,
	`is_sole_trader` integer DEFAULT false NOT NULL,
	`display_name` text NOT NULL,
	`website` text,
	`description` text,
	`first_seen` text NOT NULL,
	`last_seen` text NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_providers`("id", "orgnr", "legal_form", "is_sole_trader", "display_name", "website", "description", "first_seen", "last_seen") SELECT "id", "orgnr", "legal_form", "is_sole_trader", "display_name", "website", "description", "first_seen", "last_seen" FROM `providers`;--> statement-breakpoint
DROP TABLE `providers`;--> statement-breakpoint
ALTER TABLE `__new_providers` RENAME TO `providers`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `providers_orgnr_uq` ON `providers` (`orgnr`);--> statement-breakpoint
ALTER TABLE `contract_results` ADD `weighted_score_below_02` integer;--> statement-breakpoint
ALTER TABLE `contract_results` ADD `no_rating` integer;--> statement-breakpoint
ALTER TABLE `contract_results` ADD `rating_one_or_none` integer;--> statement-breakpoint
ALTER TABLE `contract_results` ADD `contract_start_date` text;--> statement-breakpoint
ALTER TABLE `delivery_area_municipalities` ADD `source_file` text;--> statement-breakpoint
ALTER TABLE `delivery_area_municipalities` ADD `import_run_id` integer REFERENCES import_runs(id);--> statement-breakpoint
ALTER TABLE `import_runs` ADD `data_as_of_basis` text;