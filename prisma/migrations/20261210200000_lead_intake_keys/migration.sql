-- Lead intake (decision 061): the duplicate guard looks up recent leads by e-mail, phone and company
-- key. Without an index on `companyKey` the OR of the three became a backwards scan of every lead,
-- about 300 ms at 100k leads, and intake throughput fell round after round as leads accumulated.
-- CreateIndex
CREATE INDEX `Lead_companyKey_idx` ON `Lead`(`companyKey`);
