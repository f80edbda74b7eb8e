-- Registration asks for explicit consent to the privacy policy and terms (PIPL, #14 item 13): the
-- time of consent and the version of the texts agreed to are kept on the member.

-- AlterTable
ALTER TABLE `Member` ADD COLUMN `consentAt` DATETIME(3) NULL,
    ADD COLUMN `consentVersion` VARCHAR(20) NULL;
