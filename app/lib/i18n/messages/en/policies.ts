import type { policies as zh } from "../zh-CN/policies.ts";

export const policies: Record<keyof typeof zh, string> = {
  "members.register.consentBefore": "I have read and agree to the ",
  "members.register.consentAnd": " and the ",
  "members.register.consentAfter": ", and consent to the processing of my personal information as they describe.",
  "members.validation.consentRequired":
    "Please read and tick your agreement to the Privacy Policy and the Terms of Use.",
  "members.policy.privacyTitle": "Privacy Policy",
  "members.policy.termsTitle": "Terms of Use",
  "members.policy.version": "Version {version}",
  "members.policy.back": "Back to registration",
  "members.policy.privacy.heading": "Privacy Policy",
  "members.policy.privacy.intro":
    "We care about your personal information. This policy explains what we collect when you register and use member services, why we use it, how long we keep it and what rights you have.",
  "members.policy.privacy.s1Title": "What we collect",
  "members.policy.privacy.s1Body":
    "The e-mail address, nickname and password you register with (the password only as a one-way hash); the name, phone, company and region you choose to add; the requirements, orders, service requests and files you submit; and security records such as sign-in times and IP addresses.",
  "members.policy.privacy.s2Title": "How we use it",
  "members.policy.privacy.s2Body":
    "To open and protect your account, answer your requirements and service requests, have a salesperson or service representative contact you, send notification e-mails where you agreed to them, and prevent abuse. We do not use it for unrelated purposes.",
  "members.policy.privacy.s3Title": "How long we keep it",
  "members.policy.privacy.s3Body":
    "Account data is kept until you deregister; afterwards your personal information is deleted or anonymised, except transaction and service records the law requires us to keep.",
  "members.policy.privacy.s4Title": "Sharing and processors",
  "members.policy.privacy.s4Body":
    "We do not sell your personal information. To send e-mail and store files we may have service providers process what is necessary, bound to protect it as this policy says.",
  "members.policy.privacy.s5Title": "Your rights",
  "members.policy.privacy.s5Body":
    "Under My account you can review and correct your details, change notification settings, withdraw consent or deregister. Withdrawing consent does not affect processing before it.",
  "members.policy.privacy.s6Title": "Contact",
  "members.policy.privacy.s6Body":
    "For questions or complaints about personal information, contact us through the hotline or address at the foot of the site.",
  "members.policy.terms.heading": "Terms of Use",
  "members.policy.terms.intro":
    "These terms set out the rights and duties of both sides when you use this site's member services, including the training classroom, customer zones and online service.",
  "members.policy.terms.s1Title": "Your account",
  "members.policy.terms.s1Body":
    "Register with a real e-mail address you read and keep your password safe. What is done through your account counts as done by you.",
  "members.policy.terms.s2Title": "Acceptable use",
  "members.policy.terms.s2Body":
    "Do not post unlawful, infringing, advertising or harassing content, disturb the site or try to reach other people's data. We may suspend or close accounts that do.",
  "members.policy.terms.s3Title": "What you post",
  "members.policy.terms.s3Body":
    "You are responsible for what you post in the forum and zones; you allow us to store and show it to provide the service, and good questions and answers may, with your agreement, be curated into the knowledge base.",
  "members.policy.terms.s4Title": "Changes to the service",
  "members.policy.terms.s4Body":
    "We may change the site's features; changes that affect your rights are announced in advance, and you may continue or deregister.",
  "members.policy.terms.s5Title": "Liability",
  "members.policy.terms.s5Body":
    "Prices, offers and knowledge-base content on the site are for reference; signed contracts prevail. We work to keep the service available but are not liable for interruptions by force majeure.",
  "members.policy.terms.s6Title": "Disputes",
  "members.policy.terms.s6Body":
    "These terms are governed by the laws of the People's Republic of China. Disputes not settled by talks go to the people's court where our company is registered.",
};
