-- Contact list sorts by title and by region (#15): keyset pages walk an index ending in the id.
CREATE INDEX `Contact_title_id_idx` ON `Contact`(`title`, `id`);

CREATE INDEX `Contact_province_city_district_id_idx` ON `Contact`(`province`, `city`, `district`, `id`);
