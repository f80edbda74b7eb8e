import type { members as zh } from "../zh-CN/members.ts";

export const members: Record<keyof typeof zh, string> = {
  "members.form.email": "E-mail",
  "members.form.nickname": "Nickname",
  "members.form.password": "Password",
  "members.form.passwordConfirm": "Confirm password",
  "members.form.passwordHint": "8 to 128 characters; common, easily guessed passwords are not accepted.",
  "members.form.realName": "Real name",
  "members.form.phone": "Phone",
  "members.form.companyName": "Company",
  "members.form.province": "Province",
  "members.form.city": "City",
  "members.form.optional": "Optional",
  "members.form.fixErrors": "Please correct the fields marked below and submit again.",
  "members.form.honeypot": "Leave this field empty",

  "members.validation.emailNotReal": "Enter a real e-mail address that can receive the activation e-mail.",
  "members.validation.nicknameTooShort": "The nickname needs at least 2 characters.",
  "members.validation.nicknameTooLong": "The nickname can have at most 20 characters.",
  "members.validation.nicknameChars": "Use only letters (Chinese included), digits, underscores or hyphens.",
  "members.validation.nicknameReserved": "That nickname is reserved; please choose another.",
  "members.validation.passwordTooShort": "The password needs at least 8 characters.",
  "members.validation.passwordTooLong": "The password can have at most 128 characters.",
  "members.validation.passwordTooCommon": "That password is too common and easy to guess; please choose another.",
  "members.validation.passwordMismatch": "The two passwords do not match.",
  "members.validation.phoneInvalid": "Enter a valid phone number.",

  "members.register.eyebrow": "Membership",
  "members.register.title": "Register as a member",
  "members.register.lead":
    "All you need is an e-mail address that receives mail and a nickname. We send an activation e-mail; once activated, you can sign in.",
  "members.register.accountSection": "Account",
  "members.register.profileSection": "Contact details (optional)",
  "members.register.profileHint":
    "Your real name and phone let us verify you and serve you one-to-one; public areas never show them.",
  "members.register.emailHint":
    "Use an address that reliably receives mail, ideally your company mailbox: some free mailboxes bounce the activation e-mail or file it as spam.",
  "members.register.freeMailWarning":
    "{domain} is a free mailbox; the activation e-mail may be blocked or land in spam. A company address is safer; if you keep this one, check your spam folder.",
  "members.register.nicknameHint":
    "2 to 20 characters: letters (Chinese included), digits, underscores or hyphens. Public areas such as the forum show only your nickname, never your real name.",
  "members.register.nicknameTaken": "That nickname is already taken; please choose another.",
  "members.register.submit": "Register",
  "members.register.submitting": "Submitting…",
  "members.register.haveAccount": "Already a member?",
  "members.register.signInLink": "Sign in",
  "members.register.rateLimited": "Too many registrations from your network. Try again in {minutes} minutes.",
  "members.register.whyTitle": "As a member you can",
  "members.register.why1Title": "Join online training and discussions",
  "members.register.why1Body":
    "Open course materials and ask questions in the forum; public areas show only your nickname.",
  "members.register.why2Title": "Submit requirements more easily",
  "members.register.why2Body": "Your contact details are filled in for you on every requirement and order.",
  "members.register.why3Title": "Enter your customer zone",
  "members.register.why3Body":
    "Once we have verified you, your account can be linked to your company for one-to-one service.",
  "members.register.stepsTitle": "How it works",
  "members.register.step1": "Fill in e-mail, nickname and password, and submit",
  "members.register.step2": "Open the activation e-mail and follow its link (valid for 48 hours)",
  "members.register.step3": "Sign in with your e-mail and password",
  "members.register.sentTitle": "Check your inbox",
  "members.register.sentBody":
    "We have sent an e-mail to {email}. Open it and follow the link to activate your account; the link is valid for 48 hours.",
  "members.register.sentFreeMail":
    "You used a free {domain} mailbox: the e-mail may be delayed or filed as spam, so check that folder too.",
  "members.register.noMailTitle": "No e-mail?",
  "members.register.noMail1": "Mail can take a few minutes to arrive.",
  "members.register.noMail2": "Look in your spam or promotions folder.",
  "members.register.noMail3": "If it still has not arrived, request a new activation e-mail.",
  "members.register.resend": "Resend activation e-mail",
  "members.register.goSignIn": "Go to sign-in",

  "members.activate.title": "Activate your account",
  "members.activate.confirmTitle": "Activate your member account",
  "members.activate.confirmBody":
    "Press the button below to finish activation. Afterwards you can sign in with your e-mail address and password.",
  "members.activate.submit": "Activate account",
  "members.activate.submitting": "Activating…",
  "members.activate.doneTitle": "Account activated",
  "members.activate.doneBody":
    "Your member account is active. You can now sign in with your e-mail address and password.",
  "members.activate.signIn": "Sign in",
  "members.activate.invalidTitle": "This activation link does not work",
  "members.activate.invalidBody":
    "The link is incomplete or no longer valid (for example because a newer activation e-mail was sent). Use the link in the latest activation e-mail, or request a new one.",
  "members.activate.expiredTitle": "This activation link has expired",
  "members.activate.expiredBody":
    "Activation links are valid for 48 hours and this one has expired. Request a new activation e-mail.",
  "members.activate.usedTitle": "This activation link has been used",
  "members.activate.usedBody":
    "Each activation link works once. If your account is already active, simply sign in; otherwise request a new activation e-mail.",
  "members.activate.resend": "Resend activation e-mail",
  "members.activate.signInInstead": "Go to sign-in",

  "members.resend.eyebrow": "Member account",
  "members.resend.title": "Resend the activation e-mail",
  "members.resend.lead":
    "Enter the address you registered with. If it belongs to an account that is not activated yet, we send a new activation e-mail and the previous link stops working.",
  "members.resend.hint": "If mail never arrives, check your spam folder, or register again with a company address.",
  "members.resend.submit": "Send activation e-mail",
  "members.resend.submitting": "Sending…",
  "members.resend.rateLimited": "Too many requests. Try again in {minutes} minutes.",
  "members.resend.sentTitle": "Check your inbox",
  "members.resend.sentBody":
    "If {email} has a member account that is not activated yet, we have sent it a new activation e-mail, valid for 48 hours.",
  "members.resend.sentHint": "Links in earlier activation e-mails no longer work; use the newest one.",
  "members.resend.goSignIn": "Go to sign-in",
  "members.resend.back": "Back to sign-in",

  "members.login.eyebrow": "Members",
  "members.login.title": "Member sign-in",
  "members.login.lead":
    "Sign in with your registered e-mail and password to submit requirements, join online training and enter your customer zone.",
  "members.login.submit": "Sign in",
  "members.login.submitting": "Signing in…",
  "members.login.forgot": "Forgot password?",
  "members.login.noAccount": "No account yet?",
  "members.login.registerLink": "Register",
  "members.login.invalid": "Wrong e-mail address or password.",
  "members.login.rateLimited": "Too many failed sign-ins. Try again in {minutes} minutes.",
  "members.login.pendingTitle": "Your account is not activated yet",
  "members.login.pendingBody": "Follow the link in the activation e-mail first, then sign in.",
  "members.login.pendingResend": "Resend activation e-mail",
  "members.login.suspendedUntil": "Your account is suspended until {until}.",
  "members.login.suspendedOpen": "Your account is suspended.",
  "members.login.suspendedReason": "Reason: {reason}",
  "members.login.suspendedHelp": "If you have questions, please contact our customer service.",
  "members.login.activatedNotice": "Your account is active. Please sign in.",
  "members.login.resetNotice": "Your password has been reset. Sign in with the new password.",
  "members.login.staff": "Working for us?",
  "members.login.staffLink": "Go to the staff sign-in",

  "members.forgot.eyebrow": "Member account",
  "members.forgot.title": "Forgot your password",
  "members.forgot.lead":
    "Enter the address you registered with and we will e-mail you a link to set a new password. The link is valid for one hour.",
  "members.forgot.submit": "Send reset e-mail",
  "members.forgot.submitting": "Sending…",
  "members.forgot.rateLimited": "Too many requests. Try again in {minutes} minutes.",
  "members.forgot.sentTitle": "Check your inbox",
  "members.forgot.sentBody":
    "If {email} belongs to an active member account, we have sent it an e-mail to reset the password. The link is valid for one hour.",
  "members.forgot.sentHint":
    "Nothing yet? Wait a few minutes and check your spam folder. If your account is not activated yet, resend the activation e-mail first.",
  "members.forgot.back": "Back to sign-in",

  "members.reset.eyebrow": "Member account",
  "members.reset.title": "Set a new password",
  "members.reset.lead": "Choose a new password for your member account.",
  "members.reset.newPassword": "New password",
  "members.reset.signOutNote": "Once the new password is set, every device signed in to your account is signed out.",
  "members.reset.submit": "Save new password",
  "members.reset.submitting": "Saving…",
  "members.reset.doneTitle": "Password reset",
  "members.reset.doneBody":
    "The new password is in effect and every device has been signed out. Sign in with your new password.",
  "members.reset.signIn": "Sign in",
  "members.reset.invalidTitle": "This reset link does not work",
  "members.reset.invalidBody":
    "The link is incomplete or no longer valid (for example because a newer reset was requested). Use the link in the latest e-mail, or request a new one.",
  "members.reset.expiredTitle": "This reset link has expired",
  "members.reset.expiredBody":
    "Password reset links are valid for one hour and this one has expired. Please request a new one.",
  "members.reset.usedTitle": "This reset link has been used",
  "members.reset.usedBody":
    "Each reset link works once. If you still need to change your password, request a new link.",
  "members.reset.requestNew": "Request a new link",
  "members.reset.signInInstead": "Go to sign-in",
};
