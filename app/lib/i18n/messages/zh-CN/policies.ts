// 隐私政策与用户协议 (#14 item 13): the texts a member agrees to at registration (version POLICY_VERSION).
export const policies = {
  "members.register.consentBefore": "我已阅读并同意",
  "members.register.consentAnd": "和",
  "members.register.consentAfter": "，同意贵公司按其说明处理我的个人信息。",
  "members.validation.consentRequired": "请阅读并勾选同意《隐私政策》和《用户协议》后再注册。",
  "members.policy.privacyTitle": "《隐私政策》",
  "members.policy.termsTitle": "《用户协议》",
  "members.policy.version": "版本 {version}",
  "members.policy.back": "返回注册",
  "members.policy.privacy.heading": "隐私政策",
  "members.policy.privacy.intro":
    "我们重视您的个人信息。本政策说明我们在您注册和使用会员服务时收集哪些信息、为何使用、保存多久，以及您享有的权利。",
  "members.policy.privacy.s1Title": "我们收集的信息",
  "members.policy.privacy.s1Body":
    "注册时您提供的邮箱、昵称和密码（仅保存加密后的摘要）；您自愿填写的姓名、电话、单位和地区；您提交的需求、订单、服务请求及附件；登录时间和 IP 地址等安全记录。",
  "members.policy.privacy.s2Title": "我们如何使用",
  "members.policy.privacy.s2Body":
    "用于开通和保护您的账户、回复您的需求与服务请求、安排销售或服务人员与您联系、在您同意时发送通知邮件，以及防范滥用。我们不会将您的信息用于与上述目的无关的用途。",
  "members.policy.privacy.s3Title": "保存期限",
  "members.policy.privacy.s3Body":
    "账户信息在您注销前保存；注销后，除法律要求保存的交易和服务记录外，您的个人信息将被删除或匿名化。",
  "members.policy.privacy.s4Title": "共享与委托处理",
  "members.policy.privacy.s4Body":
    "我们不出售您的个人信息。为发送邮件、存储文件，我们可能委托服务商处理必要的信息，并要求其按本政策保护。",
  "members.policy.privacy.s5Title": "您的权利",
  "members.policy.privacy.s5Body":
    "您可以在“我的账户”中查阅和更正资料、更改通知设置、撤回同意或注销账户。撤回同意不影响撤回前的处理。",
  "members.policy.privacy.s6Title": "联系我们",
  "members.policy.privacy.s6Body": "如对个人信息处理有疑问或投诉，请通过网站底部的服务热线或地址与我们联系。",
  "members.policy.terms.heading": "用户协议",
  "members.policy.terms.intro":
    "本协议约定您使用本网站会员服务（包括培训教室、用户专区和在线服务）时双方的权利与义务。",
  "members.policy.terms.s1Title": "账户",
  "members.policy.terms.s1Body": "请使用真实可用的邮箱注册，妥善保管密码。通过您账户进行的操作视为您本人所为。",
  "members.policy.terms.s2Title": "使用规范",
  "members.policy.terms.s2Body":
    "请勿发布违法、侵权、广告或骚扰内容，请勿干扰网站运行或尝试访问他人的资料。违反者，我们可暂停或终止其账户。",
  "members.policy.terms.s3Title": "您提交的内容",
  "members.policy.terms.s3Body":
    "您在论坛和专区发布的内容由您负责；您同意我们为提供服务而存储、展示这些内容，经您同意的优秀问答可能被整理进知识库。",
  "members.policy.terms.s4Title": "服务的变更",
  "members.policy.terms.s4Body": "我们可能调整网站功能；影响您权益的重大变更将提前通知，您可选择继续使用或注销账户。",
  "members.policy.terms.s5Title": "责任",
  "members.policy.terms.s5Body":
    "网站上的价格、方案和知识库内容仅供参考，以双方签署的合同为准。我们将尽力保障服务稳定，但不对不可抗力造成的中断负责。",
  "members.policy.terms.s6Title": "争议解决",
  "members.policy.terms.s6Body": "本协议适用中华人民共和国法律。争议协商不成的，提交本公司所在地人民法院解决。",
} as const;
