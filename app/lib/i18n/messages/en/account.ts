import type { account as zh } from "../zh-CN/account.ts";

export const account: Record<keyof typeof zh, string> = {
  // Layout and navigation
  "account.area": "My account",
  "account.nav.label": "Account navigation",
  "account.nav.profile": "Profile",
  "account.nav.security": "Security",
  "account.nav.messages": "Messages",
  "account.nav.deregister": "Delete account",
  "account.nav.zoneGroup": "Customer zone",
  "account.nav.zone": "My customer zone",
  "account.nav.serviceRequests": "Service requests",
  "account.nav.assets": "Customer assets",
  "account.nav.contracts": "Service contracts",
  "account.banner.verificationPending":
    "Your real-name details are awaiting review; some resources stay limited until they are approved",
  "account.banner.verificationPendingHint":
    "More resources open once our staff have verified your real name and phone number. Please make sure both are correct in your profile.",
  "account.banner.checkProfile": "Check my profile",

  // Levels and statuses as members see them
  "account.level.prospect": "Prospect",
  "account.level.customer": "Customer",
  "account.level.partner": "Channel partner",
  "account.status.pending": "Awaiting activation",
  "account.status.active": "Active",
  "account.status.verified": "Real name verified",
  "account.status.suspended": "Suspended",
  "account.status.terminated": "Terminated",
  "account.status.deregistered": "Deleted",
  "account.leadStatus.new": "Submitted",
  "account.leadStatus.assigned": "Accepted",
  "account.leadStatus.contacted": "Contacted",
  "account.leadStatus.qualified": "Confirmed",
  "account.leadStatus.converted": "Completed",
  "account.leadStatus.closed": "Closed",

  // Overview
  "account.overview.title": "Account overview",
  "account.overview.greeting": "Hello, {nickname}",
  "account.overview.lead":
    "Your membership, your submissions, your profile and the security of your account, all in one place.",
  "account.overview.level": "Member level",
  "account.overview.status": "Account status",
  "account.overview.memberSince": "Member since",
  "account.overview.email": "Sign-in e-mail",
  "account.overview.companyNone": "Not linked yet",
  "account.overview.submissions.title": "My submissions",
  "account.overview.submissions.description":
    "Requirements and orders you sent through the portal; our staff follow them up.",
  "account.overview.submissions.count": "{total} in total",
  "account.overview.submissions.empty.title": "Nothing submitted yet",
  "account.overview.submissions.empty.body":
    "Tell us what you need through an online requirement and a specialist will get in touch.",
  "account.overview.orders.title": "My orders",
  "account.overview.orders.description": "Orders you placed through product ordering.",
  "account.overview.orders.empty.title": "No orders yet",
  "account.overview.orders.empty.body": "Pick products and quantities on the ordering page to place an order.",
  "account.overview.orders.empty.cta": "Order products",
  "account.overview.orders.items": "{count} products",
  "account.overview.service.title": "Service requests",
  "account.overview.service.body":
    "Customers open service requests in their customer zone and can follow their progress and our replies at any time.",
  "account.overview.service.cta": "Go to the customer zone",
  "account.overview.col.category": "Type",
  "account.overview.col.created": "Submitted",
  "account.overview.col.status": "Status",
  "account.overview.quick.title": "Shortcuts",
  "account.overview.quick.profile": "Complete my profile",
  "account.overview.quick.messages": "Contact us",
  "account.pager.label": "Pages",

  // Profile
  "account.profile.title": "Profile",
  "account.profile.description":
    "Your nickname appears in public areas such as the forum; everything else is seen only by our staff.",
  "account.profile.section.public": "Public",
  "account.profile.section.contact": "Contact details",
  "account.profile.section.identity": "Real-name details",
  "account.profile.section.notifications": "Notifications",
  "account.profile.nickname": "Nickname",
  "account.profile.nicknameHint":
    "2 to 20 characters: letters (Chinese too), digits, underscores and hyphens. It must differ from every other member's.",
  "account.profile.email": "Sign-in e-mail",
  "account.profile.emailHint": "To change your sign-in e-mail, go to Security.",
  "account.profile.phone": "Phone",
  "account.profile.jobTitle": "Job title",
  "account.profile.province": "Province",
  "account.profile.city": "City",
  "account.profile.address": "Address",
  "account.profile.realName": "Real name",
  "account.profile.companyName": "Company name",
  "account.profile.identityHint":
    "Customers and channel partners: give your real name and company so our staff can verify them and link your account to your customer record.",
  "account.profile.identityLocked":
    "Verified by our staff. To change it, contact customer service through site messages.",
  "account.profile.verified": "Verified",
  "account.profile.notSet": "Not given",
  "account.profile.notifyByEmail": "E-mail me when a new site message arrives",
  "account.profile.notifyNewsletter": "Send me product news and event invitations",
  "account.profile.save": "Save profile",
  "account.profile.saving": "Saving…",
  "account.profile.saved": "Your profile has been saved.",
  "account.profile.noChanges": "There were no changes to save.",
  "account.profile.nicknameTaken": "Another member already uses this nickname. Please choose another.",
  "account.profile.fixErrors": "Please correct the marked fields and save again.",

  // Security
  "account.security.title": "Security",
  "account.security.description": "Change your password or sign-in e-mail and see where your account is signed in.",
  "account.security.wrongPassword": "The current password is not correct.",
  "account.security.rateLimited": "Too many wrong passwords. Please try again in {minutes} minutes.",
  "account.security.password.title": "Change password",
  "account.security.password.description": "Changing it signs out every other device; this one stays signed in.",
  "account.security.password.new": "New password",
  "account.security.password.newHint":
    "At least 8 characters and not a common password. A phrase you can remember works well.",
  "account.security.password.confirm": "Confirm new password",
  "account.security.password.done": "Your password has been changed.",
  "account.security.password.doneWithSessions":
    "Your password has been changed and {count} other devices were signed out.",
  "account.security.email.title": "Change sign-in e-mail",
  "account.security.email.current": "Current sign-in e-mail",
  "account.security.email.description":
    "We send a confirmation link to the new address; the change happens only when it is opened.",
  "account.security.email.new": "New e-mail",
  "account.security.email.submit": "Send confirmation",
  "account.security.email.sent":
    "If that address can be used, we have sent a confirmation e-mail to {email}. Open the link in it within 24 hours to complete the change.",
  "account.security.email.rateLimited": "Too many confirmation e-mails. Please try again in {minutes} minutes.",
  "account.security.sessions.title": "Signed-in devices",
  "account.security.sessions.description":
    "These devices are signed in to your account. If you do not recognise one, sign out the other devices and change your password.",
  "account.security.sessions.current": "This device",
  "account.security.sessions.unknownDevice": "Unknown device",
  "account.security.sessions.signedInAt": "Signed in {time}",
  "account.security.sessions.lastActive": "Last active {time}",
  "account.security.sessions.ip": "IP address {ip}",
  "account.security.sessions.signOut": "Sign out",
  "account.security.sessions.signOutLabel": "Sign out this device: {device}",
  "account.security.sessions.signOutOthers": "Sign out all other devices",
  "account.security.sessions.othersSignedOut": "{count} other devices were signed out.",
  "account.security.sessions.oneSignedOut": "That device was signed out.",
  "account.security.sessions.noOthers": "Only this device is signed in to your account.",

  // E-mail change confirmation
  "account.emailConfirm.title": "Confirm your new sign-in e-mail",
  "account.emailConfirm.prompt": "Change your sign-in e-mail to {email}?",
  "account.emailConfirm.body":
    "Afterwards, sign in with the new address. Your previous address receives a notice of the change.",
  "account.emailConfirm.submit": "Confirm the change",
  "account.emailConfirm.cancel": "Not now",
  "account.emailConfirm.ok.title": "Sign-in e-mail changed",
  "account.emailConfirm.ok.body": "From now on, sign in with {email}.",
  "account.emailConfirm.invalid.title": "Link not valid",
  "account.emailConfirm.invalid.body":
    "This confirmation link is not correct or belongs to another account. Sign in to the right account, or ask for a new link.",
  "account.emailConfirm.expired.title": "Link expired",
  "account.emailConfirm.expired.body": "Confirmation links work for 24 hours. Please ask for the change again.",
  "account.emailConfirm.used.title": "Link already used",
  "account.emailConfirm.used.body":
    "This confirmation link has been used. To change your e-mail again, ask for a new link.",
  "account.emailConfirm.taken.title": "This address cannot be used",
  "account.emailConfirm.taken.body":
    "Another member account uses this address. Please ask again with a different address.",
  "account.emailConfirm.back": "Back to Security",

  // Deregistration
  "account.deregister.title": "Delete account",
  "account.deregister.description": "Once deleted, this account can no longer sign in and cannot be restored.",
  "account.deregister.warning": "This cannot be undone",
  "account.deregister.consequences": "Before you go, please note:",
  "account.deregister.c1": "Your nickname, e-mail, name, phone, company and address are erased for good.",
  "account.deregister.c2": "Every device is signed out at once; the account can no longer sign in or be recovered.",
  "account.deregister.c3":
    "Requirements, orders and site messages you sent stay in our records as business history, without your personal details.",
  "account.deregister.c4": "Afterwards, the e-mail address can be used to register a new account.",
  "account.deregister.alternative": "Just want fewer e-mails? You can turn notifications off in your profile.",
  "account.deregister.confirmation": "Confirmation word",
  "account.deregister.confirmationHint": "Type “{word}” to confirm.",
  "account.deregister.submit": "Delete my account for good",
  "account.deregister.cancel": "Keep my account",
  "account.deregister.goodbye.title": "Your account has been deleted",
  "account.deregister.goodbye.body":
    "Thank you for having been with us. Your personal details have been erased and every device has been signed out.",
  "account.deregister.goodbye.home": "Back to the home page",
  "account.deregister.goodbye.register": "Register a new account",

  // Customer zone
  "account.zone.eyebrow": "Customer zone",
  "account.zone.title": "My customer zone",
  "account.zone.lead":
    "Your company's own service space: service requests, assets, service contracts and solutions, all in one place.",
  "account.zone.noCompany":
    "Our staff have not linked your account to a customer company yet. Once they have, your company's assets and service records appear here.",
  "account.zone.card.requests.title": "Service requests",
  "account.zone.card.requests.body":
    "Report faults, ask questions and make suggestions online; they go straight to your service representative and you can follow their progress.",
  "account.zone.card.assets.title": "Customer assets",
  "account.zone.card.assets.body":
    "Models, serial numbers, installation dates and warranty periods of your company's equipment.",
  "account.zone.card.contracts.title": "Service contracts",
  "account.zone.card.contracts.body": "Contract types, response modes, validity and the assets each contract covers.",
  "account.zone.card.solutions.title": "Solutions",
  "account.zone.card.solutions.body": "Search the knowledge-base solutions and FAQs open to your company.",
  "account.zone.help.title": "Need help?",
  "account.zone.help.body": "For anything else, send our customer service representatives a site message.",
  "account.zone.help.cta": "Send a site message",
  "account.zone.denied.title": "The customer zone is for customers",
  "account.zone.denied.body":
    "The customer zone gives customers and channel partners their own space for assets, service contracts and service requests.",
  "account.zone.denied.pendingBody":
    "Your real-name details are waiting for review by our staff; the customer zone opens once they are approved.",
  "account.zone.denied.how": "How to get access",
  "account.zone.denied.step1":
    "Already bought from us? Send us a site message with your company name and order details; once our staff have checked them, they link your account to your company.",
  "account.zone.denied.step2":
    "After your first purchase, our staff make your account a customer account and the zone opens.",
  "account.zone.denied.step3": "Still exploring? Submit an online requirement and a sales consultant will contact you.",
  "account.zone.denied.contact": "Contact us",
  "account.zone.denied.account": "Back to my account",

  // Validation messages specific to this area
  "account.validation.nicknameReserved": "This nickname cannot be used. Please choose another.",
  "account.validation.phoneInvalid": "Please enter a valid phone number.",
  "account.validation.passwordMismatch": "The two new passwords do not match.",
  "account.validation.passwordUnchanged": "The new password must differ from the current one.",
  "account.validation.passwordTooShort": "The password needs at least 8 characters.",
  "account.validation.passwordTooLong": "The password can have at most 128 characters.",
  "account.validation.passwordTooCommon": "This password is too common and easy to guess. Please choose another.",
  "account.validation.emailUnchanged": "The new address is the same as the current sign-in e-mail.",
  "account.validation.confirmationMismatch": "The confirmation word is not correct.",
};
