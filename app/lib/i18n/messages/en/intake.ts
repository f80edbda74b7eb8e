import type { intake as zh } from "../zh-CN/intake.ts";

export const intake: Record<keyof typeof zh, string> = {
  "intake.api.invalidChannelKey":
    "The channel key is missing, invalid or revoked, or its registration category is inactive.",
  "intake.api.originNotAllowed": "This website is not allowed to submit to this channel.",
  "intake.api.unsupportedMediaType": "Send the lead as JSON (Content-Type: application/json).",
  "intake.api.malformedJson": "The request body is not valid JSON.",
  "intake.api.payloadTooLarge": "The request body is too large (at most {kb} KB).",
  "intake.api.invalidIdempotencyKey": "Idempotency-Key must be 1 to 191 printable ASCII characters.",
  "intake.api.idempotencyKeyReused":
    "This Idempotency-Key was already used for a different submission; use a new key for a new submission.",
  "intake.form.resubmitted":
    "This form was already sent with different content. Please check it and submit again; it will be handled as a new entry.",
  "intake.api.rateLimited": "Too many requests. Try again in {seconds} seconds.",
  "intake.api.methodNotAllowed": "This address only accepts POST requests.",

  "intake.form.contactSection": "Contact",
  "intake.form.contactHint":
    "Fill in a contact name or a company name, and at least an e-mail address, a mobile or an office phone.",
  "intake.form.reachableRequired":
    "Please give at least an e-mail address, a mobile or an office phone so that we can get back to you.",
  "intake.form.companySection": "Organisation",
  "intake.form.companyHint": "The organisation name helps us recognise existing customers.",
  "intake.form.contact.name": "Name",
  "intake.form.contact.title": "Job title",
  "intake.form.contact.email": "E-mail",
  "intake.form.contact.mobile": "Mobile",
  "intake.form.contact.phone": "Office phone",
  "intake.form.company.name": "Organisation name",
  "intake.form.company.province": "Province / region",
  "intake.form.company.city": "City",
  "intake.form.company.address": "Address",
  "intake.form.optional": "optional",
  "intake.form.honeypot": "Leave this field empty",
  "intake.form.submitting": "Sending…",
  "intake.form.errorSummary": "Nothing was sent. Please correct the marked fields and try again.",
  "intake.form.invalidField": "This value is not valid.",
  "intake.form.rejected": "The submission was not accepted. Reload the page and try again.",
  "intake.form.rateLimited": "Too many submissions. Please try again in {minutes} minutes.",
  "intake.form.privacy": "We use these details only to contact you about this request; they are never published.",
  "intake.form.memberTitle": "Filled in from your member profile",
  "intake.form.memberBody": "You are submitting as member {nickname}; this request will be linked to your account.",
  "intake.form.visitorTitle": "Already a member?",
  "intake.form.visitorBody": "Sign in to have your details filled in and keep track of our conversation.",
  "intake.form.register": "Join as a member",

  "intake.next.title": "What happens next",
  "intake.next.step1": "You get a reference number at once, to quote later",
  "intake.next.step2": "It goes to the salesperson responsible for this kind of request",
  "intake.next.step3": "A named person contacts you soon and follows it through",

  "intake.unavailable.title": "Submissions are unavailable right now",
  "intake.unavailable.body":
    "This channel is not open at the moment or is being maintained. Please try again later, or browse the knowledge base meanwhile.",
  "intake.unavailable.home": "Back to home",
  "intake.unavailable.knowledge": "Browse the knowledge base",

  "intake.success.title": "Submitted",
  "intake.success.body": "We have received your request. Thank you for your trust.",
  "intake.success.number": "Reference number",
  "intake.success.owner": "{name} from our team will contact you.",
  "intake.success.keep": "Please keep the reference number for any follow-up.",
  "intake.success.home": "Back to home",
  "intake.success.again": "Submit another",

  "intake.guest.eyebrow": "Guest registration",
  "intake.guest.title": "Guest registration",
  "intake.guest.lead":
    "Leave your and your organisation's contact details, and a colleague will get in touch to introduce our products and services.",
  "intake.guest.message": "Message",
  "intake.guest.messagePlaceholder": "Products you are interested in, a good time to call, …",
  "intake.guest.submit": "Register",

  "intake.requirements.eyebrow": "Self-service",
  "intake.requirements.title": "Submit a requirement",
  "intake.requirements.lead":
    "Describe what you need to buy or have serviced. It goes straight to the responsible salesperson, who follows it through.",
  "intake.requirements.section": "Your requirement",
  "intake.requirements.requirement": "Requirement",
  "intake.requirements.requirementPlaceholder":
    "For example: the products or services you need, quantities, delivery date, budget range…",
  "intake.requirements.requirementRequired": "Please describe your requirement.",
  "intake.requirements.submit": "Send requirement",

  "intake.order.eyebrow": "Self-service",
  "intake.order.title": "Order products",
  "intake.order.lead":
    "Choose products and quantities and send your order; once sales confirm it you receive a formal quote and order.",
  "intake.order.section": "Choose products",
  "intake.order.sectionHint": "Enter a quantity above 0 for at least one product.",
  "intake.order.quantityFor": "Quantity of {product}",
  "intake.order.decrease": "Fewer of {product}",
  "intake.order.increase": "More of {product}",
  "intake.order.perUnit": "per {unit}",
  "intake.order.estimate": "Estimated total",
  "intake.order.estimateNote": "The estimate uses list prices; the final price is the one in the quote sales confirm.",
  "intake.order.itemsRequired": "Enter a quantity above 0 for at least one product.",
  "intake.order.noProducts": "No products can be ordered online yet. Tell us what you need with a requirement instead.",
  "intake.order.remarks": "Remarks",
  "intake.order.remarksPlaceholder": "Delivery date, invoicing details or other wishes",
  "intake.order.submit": "Send order",
  "intake.order.toRequirements": "Submit a requirement",
};
