import type { portal as zh } from "../zh-CN/portal.ts";

export const portal: Record<keyof typeof zh, string> = {
  "portal.nav.label": "Portal navigation",
  "portal.nav.home": "Home",
  "portal.nav.knowledge": "Knowledge base",
  "portal.nav.forum": "Training forum",
  "portal.nav.requirements": "Submit a request",
  "portal.nav.order": "Order products",
  "portal.nav.zone": "Customer zone",
  "portal.nav.login": "Sign in",
  "portal.nav.register": "Register",
  "portal.nav.menu": "Menu",
  "portal.nav.account": "Member account",
  "portal.nav.guestRegistration": "Guest registration",
  "portal.skipToContent": "Skip to main content",

  "portal.member.menu": "Member menu: {nickname}",
  "portal.member.account": "My account",
  "portal.member.messages": "Site messages",
  "portal.member.messagesUnread": "Site messages ({count} unread)",
  "portal.member.unread": " ({count} unread)",
  "portal.member.zone": "My customer zone",
  "portal.member.signOut": "Sign out",
  "portal.member.verificationPending": "Real-name check pending",

  "portal.footer.blurb":
    "The customer self-service portal: send requirements, search the knowledge base, and see your assets and contracts and open service requests in your customer zone. A named person follows up every request.",
  "portal.footer.selfService": "Self-service",
  "portal.footer.community": "Learn & discuss",
  "portal.footer.membership": "Membership",
  "portal.footer.staffLogin": "Staff sign-in",
  "portal.footer.copyright": "© {year} Relay CRM · All rights reserved",
  "portal.footer.madeFor": "Designed for customer relationships at mid-size companies",

  "portal.home.title": "Customer self-service portal",
  "portal.home.hero.eyebrow": "Customer self-service portal",
  "portal.home.hero.title": "Serve yourself.",
  "portal.home.hero.titleAccent": "We route the rest to the right person.",
  "portal.home.hero.body":
    "Send requirements online, search the knowledge base, and follow your assets, contracts and service progress in your customer zone. Every request goes to the salesperson or customer service representative responsible, who follows up promptly.",
  "portal.home.hero.primary": "Submit a request",
  "portal.home.hero.secondary": "Enter customer zone",
  "portal.home.hero.point1": "Members never retype their contact details",
  "portal.home.hero.point2": "Requests go straight to the right adviser",
  "portal.home.hero.point3": "Service progress visible any time",
  "portal.home.hero.card.title": "Request flow",
  "portal.home.hero.card.live": "Automatic",
  "portal.home.hero.card.step1": "Request submitted",
  "portal.home.hero.card.step1Body": "Members' contact details filled in for you",
  "portal.home.hero.card.step2": "Handed to the responsible adviser",
  "portal.home.hero.card.step2Body": "A named person for each kind of request; nothing is missed",
  "portal.home.hero.card.step3": "Personal follow-up",
  "portal.home.hero.card.step3Body": "Your adviser contacts you and follows it through",
  "portal.home.hero.card.footer": "Every step recorded and traceable",

  "portal.home.features.eyebrow": "Six self-service areas",
  "portal.home.features.title": "Everything you need, in one place",
  "portal.home.features.body":
    "From learning about a product to after-sales service, every step of the journey can be self-served, and when you need a person, the right one is there.",
  "portal.home.features.knowledge.title": "Knowledge base",
  "portal.home.features.knowledge.body":
    "Search product documents, FAQs and solutions, and solve many questions on the spot.",
  "portal.home.features.forum.title": "Training forum",
  "portal.home.features.forum.body":
    "Learn from the courseware in each classroom and ask peers and our engineers in the Q&A community.",
  "portal.home.features.requirements.title": "Submit a request",
  "portal.home.features.requirements.body":
    "Send a purchase or service requirement online; the responsible salesperson contacts you soon.",
  "portal.home.features.order.title": "Order products",
  "portal.home.features.order.body":
    "Browse products and price schemes, get volume discounts automatically and build your own order.",
  "portal.home.features.zone.title": "Customer zone",
  "portal.home.features.zone.body":
    "Your company's own room: assets, contracts, service requests and customer service in one place.",
  "portal.home.features.register.title": "Member account",
  "portal.home.features.register.body":
    "Members see more resources, and their contact details are filled in whenever they submit a request.",
  "portal.home.features.learnMore": "Learn more",

  "portal.home.how.eyebrow": "How it works",
  "portal.home.how.title": "Submit once, a person takes it from there",
  "portal.home.how.step1.title": "Submit your request",
  "portal.home.how.step1.body":
    "Fill in the form on the portal, or submit as a member in one click with your details filled in.",
  "portal.home.how.step2.title": "Handed to the right salesperson",
  "portal.home.how.step2.body":
    "Your requirement goes straight to the salesperson responsible for its kind, so nothing is missed.",
  "portal.home.how.step3.title": "Prompt follow-up",
  "portal.home.how.step3.body":
    "Your adviser contacts you and follows up; members can see what they sent in the member centre at any time.",

  "portal.home.kb.title": "Try the knowledge base first",
  "portal.home.kb.body":
    "Many questions already have answers. Enter a keyword to search product documents, FAQs and solutions.",
  "portal.home.kb.label": "Search the knowledge base",
  "portal.home.kb.placeholder": "e.g. installation, invoices",
  "portal.home.kb.submit": "Search",
  "portal.home.kb.popular": "Popular",
  "portal.home.kb.topic1": "Installation",
  "portal.home.kb.topic2": "Accounts & permissions",
  "portal.home.kb.topic3": "Invoices & contracts",
  "portal.home.kb.topic4": "Data import",

  "portal.home.cta.title": "Become a member for more resources and dedicated service",
  "portal.home.cta.body":
    "All it takes is a working e-mail address, a nickname and a password of your choice. We e-mail you an activation link; one click and your account is ready.",
  "portal.home.cta.register": "Register for free",
  "portal.home.cta.login": "Have an account? Sign in",
  "portal.home.guest.title": "Visiting us or at one of our events? Register as a guest",
  "portal.home.guest.body":
    "Leave your and your company's contact details and a named person will get in touch to introduce our products and services. No account needed.",
  "portal.home.guest.cta": "Guest registration",

  "portal.soon.badge": "Coming soon",
  "portal.soon.title": "We are building this",
  "portal.soon.body":
    "This feature is on its way; once it is live you can use it right here. Until then, your account manager is happy to help.",
  "portal.soon.plannedTitle": "Once live, you can",
  "portal.soon.backHome": "Back to home",
  "portal.error.notFound.title": "We could not find this page",
  "portal.error.notFound.body":
    "The link may be out of date, or the content has moved. Go back to the home page or search the knowledge base.",
  "portal.error.forbidden.title": "This is not open to you yet",
  "portal.error.forbidden.body":
    "It is only open to certain members or to customers in a customer zone. Please sign in; if you think you should have access, get in touch.",
  "portal.error.generic.title": "This page cannot be opened right now",
  "portal.error.generic.body": "Please try again in a moment; if the problem persists, get in touch.",
  "portal.error.signIn": "Member sign-in",
  "portal.error.contact": "Contact us",
  "portal.error.knowledge": "Search the knowledge base",

  "portal.forum.eyebrow": "Learn & discuss",
  "portal.forum.title": "Training forum",
  "portal.forum.lead":
    "Online training classrooms tied closely to our products: browse courseware, post questions or reply, answer each other, with company tutors on hand.",
  "portal.forum.point1": "Courseware organised by classroom: text, images and media, at your own pace",
  "portal.forum.point2": "Signed-in members can open threads, post and reply",
  "portal.forum.point3": "The best content becomes Q&A articles in the knowledge base",
  "portal.forum.secondary": "Browse the knowledge base",

  "portal.requirements.eyebrow": "Self-service",
  "portal.requirements.title": "Submit a request",
  "portal.requirements.lead":
    "Visitors and members can send requirements online. Each goes straight to the responsible salesperson, who contacts you and follows it through.",
  "portal.requirements.point1": "A contact name or a company name is enough to submit",
  "portal.requirements.point2":
    "Each requirement goes straight to the salesperson responsible for its kind: nothing is missed",
  "portal.requirements.point3": "Members' contact details are filled in for them",
  "portal.requirements.secondary": "Become a member",

  "portal.order.eyebrow": "Self-service",
  "portal.order.title": "Order products",
  "portal.order.lead":
    "Browse products and price plans, put what you need in the basket, and volume discounts apply automatically. Print or save the order, or send it to us and a salesperson confirms it with you.",
  "portal.order.point1": "Product catalogue and price schemes with automatic quantity tiers",
  "portal.order.point2": "Self-budgeting: save and print orders whenever you like",
  "portal.order.point3":
    "Once sent, a salesperson confirms it with you; products and prices carry over into the quotation",
  "portal.order.secondary": "Submit a request instead",

  "portal.zone.eyebrow": "Dedicated service",
  "portal.zone.title": "Customer zone",
  "portal.zone.lead":
    "Every customer company gets its own zone, a dedicated room: see your assets, contracts and service requests in one place and talk to your service rep directly.",
  "portal.zone.point1": "Assets, warranties and service agreements at a glance",
  "portal.zone.point2":
    "Submit service requests online; they reach your service rep, and status and closure are visible any time",
  "portal.zone.point3":
    "Co-managed by your service rep and your appointed people; members enter once both sides confirm them",
  "portal.zone.secondary": "Member sign-in",

  "portal.login.eyebrow": "Members",
  "portal.login.title": "Member sign-in",
  "portal.login.lead":
    "Sign in to send requirements more easily, read your site messages and enter your company's customer zone.",
  "portal.login.point1": "Sign in with your registered e-mail and password; the first sign-in activates your account",
  "portal.login.point2": "Update and complete your profile after signing in",
  "portal.login.point3": "Didn't get the e-mail? Request your initial password again",
  "portal.login.secondary": "Become a member",
  "portal.login.staff": "Company staff?",
  "portal.login.staffLink": "Go to staff sign-in",

  "portal.register.eyebrow": "Members",
  "portal.register.title": "Become a member",
  "portal.register.lead":
    "Registering takes a working e-mail address and a nickname; we e-mail you the initial password. Members can reach more resources than visitors.",
  "portal.register.point1":
    "E-mail and nickname are unique; public areas show only your nickname, keeping your real name private",
  "portal.register.point2": "Use a mailbox that reliably receives mail; some free mailboxes may miss our e-mails",
  "portal.register.point3": "Once we verify your real name and phone, your account can be linked to your company",
  "portal.register.secondary": "Have an account? Sign in",
};
