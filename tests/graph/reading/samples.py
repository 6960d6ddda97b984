"""Invented letter text for the reading tests. People, plans and numbers are made up."""

from __future__ import annotations

ENGLISH_LETTER = """Cedar Valley Health Cooperative
Member Services Department
PO Box 4471, Millbrook, OR 97001

June 12, 2025

Tobias Wren
88 Larkspur Lane
Ashford, OR 97120

Member ID: CVX-220-4471-09
Claim number: 7731-AB-2290

Dear Tobias Wren,

We reviewed the request from Dr. Imogen Falk for Dupixent (dupilumab) 300 mg injections for moderate atopic
dermatitis. This request has been denied. Our pharmacist reviewer found that the plan's clinical criteria were not
met because there is no record that you tried and failed two topical corticosteroids for at least 28 days each.
The reviewer applied our policy RX-117, Biologic Agents for Skin Conditions.

If you disagree with this decision, you or your doctor may ask for an appeal within 180 days of the date of this
letter. You may also ask for an expedited review if waiting would seriously harm your health. To request an appeal,
call Member Services at 1-800-555-0147 or write to the address above.

Sincerely,
Utilization Management Team
"""

# The same letter's message, written in other languages for the language check.
SPANISH_LETTER = """Estimado Sr. Wren:
Hemos revisado la solicitud de la Dra. Imogen Falk para inyecciones de Dupixent (dupilumab) de 300 mg para la
dermatitis atópica moderada. Esta solicitud ha sido denegada. Nuestro farmacéutico revisor determinó que no se
cumplieron los criterios clínicos del plan porque no hay constancia de que usted haya probado dos corticosteroides
tópicos durante al menos 28 días cada uno. Si no está de acuerdo con esta decisión, usted o su médico pueden pedir
una apelación dentro de los 180 días a partir de la fecha de esta carta. Para pedir una apelación, llame a
Servicios para Miembros al 1-800-555-0147 o escriba a la dirección indicada arriba.
Atentamente, Equipo de Gestión de la Utilización
"""

FRENCH_LETTER = """Cher Monsieur Wren,
Nous avons examiné la demande du docteur Imogen Falk concernant des injections de Dupixent (dupilumab) 300 mg pour
une dermatite atopique modérée. Cette demande a été refusée. Notre pharmacien a conclu que les critères cliniques
du régime n'étaient pas remplis, car rien ne montre que vous avez essayé deux corticoïdes topiques pendant au moins
28 jours chacun. Si vous n'êtes pas d'accord avec cette décision, vous ou votre médecin pouvez faire appel dans les
180 jours suivant la date de cette lettre. Appelez le service aux membres au 1-800-555-0147.
"""

GERMAN_LETTER = """Sehr geehrter Herr Wren,
wir haben den Antrag von Frau Dr. Imogen Falk auf Dupixent (Dupilumab) 300 mg Injektionen bei mittelschwerer
atopischer Dermatitis geprüft. Dieser Antrag wurde abgelehnt. Unser Apotheker hat festgestellt, dass die
klinischen Kriterien des Tarifs nicht erfüllt sind, weil nicht belegt ist, dass Sie zwei topische Kortikosteroide
jeweils mindestens 28 Tage lang angewendet haben. Wenn Sie mit dieser Entscheidung nicht einverstanden sind, können
Sie oder Ihr Arzt innerhalb von 180 Tagen Widerspruch einlegen. Was Sie dafür tun müssen, steht in der Anlage.
"""

PORTUGUESE_LETTER = """Prezado Sr. Wren,
Analisamos o pedido da Dra. Imogen Falk para injeções de Dupixent (dupilumabe) 300 mg para dermatite atópica
moderada. Este pedido foi negado. O nosso farmacêutico concluiu que os critérios clínicos do plano não foram
cumpridos, porque não há registro de que o senhor tenha usado dois corticosteroides tópicos durante pelo menos 28
dias cada. Se não concordar com esta decisão, o senhor ou o seu médico podem recorrer dentro do prazo de 180 dias.
"""

TAGALOG_LETTER = """Mahal na G. Wren,
Sinuri namin ang kahilingan ni Dr. Imogen Falk para sa mga iniksyon ng Dupixent (dupilumab) 300 mg para sa
katamtamang atopic dermatitis. Tinanggihan ang kahilingang ito. Nakita ng aming parmasyutiko na hindi natugunan ang
mga pamantayan ng plano dahil walang tala na sinubukan mo ang dalawang topical corticosteroid nang hindi bababa sa
28 araw bawat isa. Kung hindi ka sang-ayon sa desisyong ito, maaari kang mag-apela sa loob ng 180 araw.
"""

VIETNAMESE_LETTER = """Kính gửi ông Wren,
Chúng tôi đã xem xét yêu cầu của bác sĩ Imogen Falk về việc tiêm Dupixent (dupilumab) 300 mg để điều trị viêm da
cơ địa mức độ vừa. Yêu cầu này đã bị từ chối. Dược sĩ của chúng tôi nhận thấy các tiêu chí lâm sàng của chương trình
chưa được đáp ứng. Nếu ông không đồng ý với quyết định này, ông hoặc bác sĩ của ông có thể kháng nghị trong vòng
180 ngày kể từ ngày ghi trên thư này.
"""

CHINESE_LETTER = """尊敬的 Wren 先生：
我们已审核 Imogen Falk 医生为您申请的 Dupixent（dupilumab）300 毫克注射剂，用于治疗中度特应性皮炎。该申请已被拒绝。
我们的药剂师认为，由于没有记录显示您曾使用两种外用皮质类固醇各至少 28 天，因此不符合计划的临床标准。
如果您不同意此决定，您或您的医生可以在本信日期起 180 天内提出上诉。请致电 1-800-555-0147 联系会员服务部。
"""

RUSSIAN_LETTER = """Уважаемый г-н Wren,
Мы рассмотрели запрос доктора Imogen Falk на инъекции Dupixent (дупилумаб) 300 мг для лечения атопического
дерматита средней тяжести. Этот запрос отклонён. Наш фармацевт установил, что клинические критерии плана не
выполнены. Если вы не согласны с этим решением, вы или ваш врач можете подать апелляцию в течение 180 дней.
"""

# An English letter followed by the notice of free language help that US plans must attach, in several languages.
TAGLINES = """
ATTENTION: If you speak a language other than English, language help is free. Call 1-800-555-0147.
ATENCIÓN: si habla español, tiene a su disposición servicios gratuitos de asistencia lingüística. Llame al
1-800-555-0147.
注意：如果您使用繁體中文，您可以免費獲得語言援助服務。請致電 1-800-555-0147。
CHÚ Ý: Nếu bạn nói Tiếng Việt, có các dịch vụ hỗ trợ ngôn ngữ miễn phí dành cho bạn. Gọi số 1-800-555-0147.
"""

# A one-page letter for the OCR tests: short enough to recognize quickly, with the words the tests look for.
SHORT_LETTER = """Juniper Ridge Health Plan
Member ID: JRH-5531-0042
Dear Marisol Okafor,
Your request for Ozempic (semaglutide) 1 mg weekly injections has been denied. The plan requires that you try
metformin for at least 90 days before it covers this drug.
You may appeal this decision within 180 days of the date of this letter.
"""
