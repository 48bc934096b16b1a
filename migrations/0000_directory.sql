CREATE TABLE `contracts` (
	`ka_number` text PRIMARY KEY NOT NULL,
	`provider_id` integer NOT NULL,
	`delivery_area_id` integer NOT NULL,
	`service_code` text DEFAULT 'A015' NOT NULL,
	`start_date` text,
	`accepting_new` integer,
	`status` text DEFAULT 'active' NOT NULL,
	`first_seen` text NOT NULL,
	`last_seen` text NOT NULL,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`delivery_area_id`) REFERENCES `delivery_areas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contracts_provider_idx` ON `contracts` (`provider_id`);--> statement-breakpoint
CREATE INDEX `contracts_area_idx` ON `contracts` (`delivery_area_id`);--> statement-breakpoint
CREATE TABLE `counties` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `delivery_area_municipalities` (
	`delivery_area_id` integer NOT NULL,
	`municipality_code` text NOT NULL,
	`valid_from` text DEFAULT '0000-01-01' NOT NULL,
	`valid_to` text,
	`basis` text NOT NULL,
	PRIMARY KEY(`delivery_area_id`, `municipality_code`, `valid_from`),
	FOREIGN KEY (`delivery_area_id`) REFERENCES `delivery_areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dam_municipality_idx` ON `delivery_area_municipalities` (`municipality_code`);--> statement-breakpoint
CREATE TABLE `delivery_areas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`af_region` text,
	`service` text NOT NULL,
	`valid_from` text,
	`valid_to` text,
	`source` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `delivery_areas_name_service_uq` ON `delivery_areas` (`name`,`service`);--> statement-breakpoint
CREATE TABLE `import_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`file_name` text,
	`sha256` text,
	`started_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`finished_at` text,
	`data_as_of` text,
	`status` text NOT NULL,
	`rows_read` integer DEFAULT 0 NOT NULL,
	`created` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`unchanged` integer DEFAULT 0 NOT NULL,
	`rejected` integer DEFAULT 0 NOT NULL,
	`report` text
);
--> statement-breakpoint
CREATE TABLE `languages` (
	`code` text PRIMARY KEY NOT NULL,
	`name_sv` text NOT NULL,
	`name_en` text NOT NULL,
	`name_native` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `municipalities` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`county_code` text NOT NULL,
	`slug` text NOT NULL,
	`search_key` text NOT NULL,
	FOREIGN KEY (`county_code`) REFERENCES `counties`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `municipalities_slug_uq` ON `municipalities` (`slug`);--> statement-breakpoint
CREATE INDEX `municipalities_search_idx` ON `municipalities` (`search_key`);--> statement-breakpoint
CREATE TABLE `offices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider_id` integer NOT NULL,
	`af_address_id` text,
	`street` text NOT NULL,
	`postcode` text NOT NULL,
	`town` text NOT NULL,
	`municipality_code` text,
	`municipality_derivation` text NOT NULL,
	`lat` real,
	`lon` real,
	`step_free_access` integer,
	`first_seen` text NOT NULL,
	`last_seen` text NOT NULL,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `offices_provider_idx` ON `offices` (`provider_id`);--> statement-breakpoint
CREATE INDEX `offices_municipality_idx` ON `offices` (`municipality_code`);--> statement-breakpoint
CREATE TABLE `postal_codes` (
	`code` text PRIMARY KEY NOT NULL,
	`locality` text NOT NULL,
	`municipality_code` text NOT NULL,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `postal_codes_municipality_idx` ON `postal_codes` (`municipality_code`);--> statement-breakpoint
CREATE TABLE `provider_claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider_id` integer NOT NULL,
	`kind` text NOT NULL,
	`value` text NOT NULL,
	`origin` text NOT NULL,
	`source_url` text,
	`checked_at` text NOT NULL,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `provider_claims_uq` ON `provider_claims` (`provider_id`,`kind`,`value`,`origin`);--> statement-breakpoint
CREATE INDEX `provider_claims_kind_value_idx` ON `provider_claims` (`kind`,`value`);--> statement-breakpoint
CREATE TABLE `provider_name_variants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider_id` integer NOT NULL,
	`name` text NOT NULL,
	`seen_from` text NOT NULL,
	`seen_to` text,
	`source` text NOT NULL,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pnv_provider_name_uq` ON `provider_name_variants` (`provider_id`,`name`);--> statement-breakpoint
CREATE TABLE `providers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`orgnr` text NOT NULL,
	`legal_form` text,
	`is_sole_trader` integer DEFAULT false NOT NULL,
	`display_name` text NOT NULL,
	`website` text,
	`description` text,
	`first_seen` text NOT NULL,
	`last_seen` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `providers_orgnr_uq` ON `providers` (`orgnr`);--> statement-breakpoint
CREATE TABLE `ratings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contract_ka` text NOT NULL,
	`period` text NOT NULL,
	`stars` integer,
	`null_reason` text,
	`source_file` text NOT NULL,
	`published_at` text NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`import_run_id` integer,
	FOREIGN KEY (`contract_ka`) REFERENCES `contracts`(`ka_number`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ratings_contract_period_rev_uq` ON `ratings` (`contract_ka`,`period`,`revision`);--> statement-breakpoint
CREATE INDEX `ratings_contract_idx` ON `ratings` (`contract_ka`);