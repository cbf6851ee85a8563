"""Vietnamese-first message catalogue for error codes and field names.

Shared by the command line and the window so that one code always reads the same.
The window's own labels are Qt translations; these are the texts of the core's errors.
"""

from __future__ import annotations

from typing import Any

from desktop.core.errors import CtxhError, ValidationError

# code -> (Vietnamese, English); placeholders are str.format names.
MESSAGES: dict[str, tuple[str, str]] = {
    "E_INVALID": ("Có {count} trường chưa hợp lệ.", "{count} field(s) are not valid."),
    "E_NOT_FOUND": ("Không tìm thấy bản ghi ({entity} {id}).", "Record not found ({entity} {id})."),
    "E_AUTH": ("Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong user name or passphrase."),
    "E_REQUIRED": ("«{field}» là bắt buộc.", "“{field}” is required."),
    "E_TOO_LONG": ("«{field}» dài quá {max} ký tự.", "“{field}” is longer than {max} characters."),
    "E_DATE": (
        "«{field}»: ngày «{value}» không hợp lệ (dạng dd/mm/yyyy).",
        "“{field}”: “{value}” is not a valid date (dd/mm/yyyy).",
    ),
    "E_DATE_FUTURE": ("«{field}»: ngày không được sau hôm nay.", "“{field}”: the date is in the future."),
    "E_DATE_ORDER": ("«{field}» phải sau «{other}».", "“{field}” must come after “{other}”."),
    "E_CODE": (
        "«{field}»: giá trị «{value}» không có trong danh mục.",
        "“{field}”: “{value}” is not in the code list.",
    ),
    "E_CCCD": (
        "«{field}»: số CCCD phải gồm đúng 12 chữ số (đang có «{value}»).",
        "“{field}”: a citizen ID has exactly 12 digits (got “{value}”).",
    ),
    "E_CMND": (
        "«{field}»: số CMND cũ phải gồm 9 hoặc 12 chữ số (đang có «{value}»).",
        "“{field}”: an old identity card number has 9 or 12 digits (got “{value}”).",
    ),
    "E_IMAGE_READ": ("Không đọc được tệp ảnh «{file}».", "Could not read the picture file “{file}”."),
    "E_IMAGE_TOO_LARGE": (
        "Ảnh «{file}» quá lớn để đọc (tối đa 40 MB, 60 triệu điểm ảnh).",
        "The picture “{file}” is too large to read (40 MB, 60 megapixels at most).",
    ),
    "E_IMAGE_FORMAT": (
        "«{file}» không phải là ảnh chương trình đọc được (JPEG, PNG, WebP, BMP, GIF, TIFF).",
        "“{file}” is not a picture the program can read (JPEG, PNG, WebP, BMP, GIF, TIFF).",
    ),
    "E_CARD_NO_QR": (
        "Không tìm thấy mã QR trong ảnh «{file}». Chụp lại mặt có mã QR của thẻ: đủ sáng, không lóa, mã QR rõ nét "
        "và chiếm phần lớn khung hình.",
        "No QR code was found in the picture “{file}”. Take the side of the card with the QR code again: in good "
        "light, without glare, the QR code sharp and large in the frame.",
    ),
    "E_CARD_QR_NOT_CARD": (
        "Mã QR trong ảnh «{file}» không phải mã QR của thẻ CCCD hoặc thẻ căn cước.",
        "The QR code in the picture “{file}” is not the QR code of a citizen identity card (CCCD or căn cước).",
    ),
    "E_CARD_QR_ENCODING": (
        "Mã QR trong ảnh «{file}» không ghi đúng bảng mã UTF-8 của thẻ căn cước; hãy nhập tay.",
        "The QR code in the picture “{file}” is not in the UTF-8 text of a citizen card; please type the details.",
    ),
    "CARD_ID_FORMAT": ("Số định danh trên thẻ không đủ 12 chữ số.", "The card's ID number is not 12 digits."),
    "CARD_ID_PROVINCE": (
        "Ba chữ số đầu của số định danh ({code}) không phải mã tỉnh nơi đăng ký khai sinh.",
        "The first three digits of the ID number ({code}) are not a province code.",
    ),
    "CARD_ID_CENTURY": (
        "Chữ số thứ tư của số định danh không khớp thế kỷ của ngày sinh trên thẻ.",
        "The fourth digit of the ID number does not match the century of the card's birth date.",
    ),
    "CARD_ID_SEX": (
        "Chữ số thứ tư của số định danh không khớp giới tính trên thẻ.",
        "The fourth digit of the ID number does not match the card's sex.",
    ),
    "CARD_ID_YEAR": (
        "Chữ số thứ năm và sáu của số định danh không khớp năm sinh trên thẻ.",
        "The fifth and sixth digits of the ID number do not match the card's year of birth.",
    ),
    "CARD_OLD_ID": (
        "Số CMND cũ trên thẻ không đúng 9 hoặc 12 chữ số.", "The card's old ID number is not 9 or 12 digits.",
    ),
    "CARD_BIRTH_DATE": ("Ngày sinh trên thẻ không đọc được.", "The card's birth date could not be read."),
    "CARD_SEX": ("Giới tính trên thẻ không đọc được.", "The card's sex could not be read."),
    "CARD_ISSUE_DATE": ("Ngày cấp trên thẻ không đọc được.", "The card's issue date could not be read."),
    "E_PRINT_NO_QR": (
        "Không tìm thấy mã QR trong ảnh «{file}». Chụp lại cả mã kiểm tra ở cuối trang, thẳng, đủ sáng và rõ nét.",
        "No QR code was found in the picture “{file}”. Photograph the check code at the foot of the page again: "
        "straight on, in good light, sharp.",
    ),
    "E_PRINT_NOT_SEAL": (
        "Mã QR trong ảnh «{file}» không phải mã kiểm tra bản in của CTXH Desk.",
        "The QR code in the picture “{file}” is not a CTXH Desk print check code.",
    ),
    "PRINT_CURRENT": (
        "ĐÚNG BẢN GỐC, CÒN KHỚP HỒ SƠ: {form} do máy «{laptop}» in ngày {printed}; hồ sơ hiện nay vẫn in ra đúng "
        "như vậy.",
        "GENUINE AND CURRENT: {form} printed by the laptop “{laptop}” on {printed}; the record still prints "
        "exactly so.",
    ),
    "PRINT_CHANGED": (
        "ĐÚNG BẢN GỐC, NHƯNG HỒ SƠ ĐÃ THAY ĐỔI: {form} do máy «{laptop}» in ngày {printed}; hồ sơ hiện nay khác "
        "bản in.",
        "GENUINE, BUT THE RECORD CHANGED SINCE: {form} printed by the laptop “{laptop}” on {printed}; the record "
        "now differs from the paper.",
    ),
    "PRINT_CHANGED_FIELDS": ("Đã thay đổi: {fields}.", "Changed: {fields}."),
    "PRINT_CHANGED_LAYOUT": (
        "Các trường của biểu mẫu đã khác (thêm hoặc bớt trường); so sánh bản in với hồ sơ hiện nay.",
        "The form's fields are laid out differently now (fields added or removed); compare the paper with the "
        "record.",
    ),
    "PRINT_GONE": (
        "ĐÚNG BẢN GỐC, NHƯNG KHÔNG CÒN HỒ SƠ: {form} do máy «{laptop}» in ngày {printed}; hồ sơ này không có (hoặc "
        "đã xóa) ở đây.",
        "GENUINE, BUT THE RECORD IS NOT HERE: {form} printed by the laptop “{laptop}” on {printed}; no such record "
        "is here (or it was deleted).",
    ),
    "PRINT_UNCHECKED": (
        "ĐÚNG BẢN GỐC: {form} do máy «{laptop}» in ngày {printed}; máy này không có số liệu của đơn vị đó để so.",
        "GENUINE: {form} printed by the laptop “{laptop}” on {printed}; this computer has no data of that unit to "
        "compare with.",
    ),
    "PRINT_NOT_GENUINE": (
        "KHÔNG PHẢI BẢN GỐC: mã kiểm tra không đúng chữ ký của máy in ra, hoặc đã bị sửa.",
        "NOT GENUINE: the check code does not carry the signature of the laptop that printed it, or was altered.",
    ),
    "PRINT_UNKNOWN_SIGNER": (
        "KHÔNG KIỂM TRA ĐƯỢC: {form} của đơn vị {commune} được ký bởi một máy mà hồ sơ này chưa tin cậy (chưa có thẻ "
        "của máy đó).",
        "CANNOT TELL: {form} of unit {commune} is signed by a laptop this profile does not know (its card is not "
        "installed).",
    ),
    "PRINT_REVOKED": (
        "KHÔNG PHẢI BẢN GỐC: máy «{laptop}» đã bị thu hồi ngày {revoked}; bản in ngày {printed} không được công "
        "nhận.",
        "NOT GENUINE: the laptop “{laptop}” was revoked on {revoked}; a paper dated {printed} is not recognised.",
    ),
    "E_PHONE": (
        "«{field}»: số điện thoại «{value}» không hợp lệ (10 chữ số, bắt đầu bằng 0).",
        "“{field}”: “{value}” is not a valid phone number (10 digits starting with 0).",
    ),
    "E_NUMBER": ("«{field}»: «{value}» không phải là số hợp lệ.", "“{field}”: “{value}” is not a valid number."),
    "E_UNKNOWN_UNIT": (
        "Không có đơn vị hành chính mã «{code}».",
        "There is no administrative unit with code “{code}”.",
    ),
    "E_TRANSFER_SAME": (
        "Hồ sơ đang ở {commune}: hãy chọn xã/phường nơi đối tượng chuyển đến.",
        "The case is already in {commune}: choose the commune the person moved to.",
    ),
    "E_COMMUNE_PROVINCE": (
        "Xã/phường «{commune}» không thuộc tỉnh/thành «{province}».",
        "Commune “{commune}” is not in province “{province}”.",
    ),
    "E_ALREADY_INITIALISED": (
        "Hồ sơ dữ liệu tại «{path}» đã được thiết lập.",
        "The profile at “{path}” is already set up.",
    ),
    "E_NOT_INITIALISED": (
        "Hồ sơ dữ liệu tại «{path}» chưa được thiết lập. Hãy chạy «ctxh init».",
        "The profile at “{path}” is not set up yet. Run “ctxh init”.",
    ),
    "E_USERNAME": (
        "Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch dưới (3–32 ký tự).",
        "A user name is 3–32 letters, digits, dots or underscores.",
    ),
    "E_USERNAME_TAKEN": ("Tên đăng nhập «{username}» đã có.", "The user name “{username}” is taken."),
    "E_PASSPHRASE_SHORT": (
        "Mật khẩu phải có ít nhất {min} ký tự, hoặc gồm {words} từ trở lên (ví dụ «lúa chín vàng đồng quê»).",
        "The passphrase must have at least {min} characters, or {words} words or more.",
    ),
    "E_PASSPHRASE_COMMON": (
        "Mật khẩu này quá dễ đoán (quá phổ biến, lặp một ký tự, hoặc chứa tên đăng nhập); hãy chọn câu khác.",
        "This passphrase is too easy to guess (too common, one repeated character, or it holds the user name).",
    ),
    "E_PASSPHRASE_MISMATCH": ("Hai lần nhập mật khẩu không khớp.", "The two passphrases typed do not match."),
    "E_NO_PASSPHRASE": (
        "Cần mật khẩu: đặt biến môi trường {env} hoặc nhập khi được hỏi. Chưa mở gì.",
        "A passphrase is needed: set {env} or type it when asked. Nothing was opened.",
    ),
    "E_NO_USER": (
        "Cần tài khoản đăng nhập: thêm --user TÊN (hoặc đăng nhập cửa sổ một lần). Chưa mở gì.",
        "An account is needed: add --user NAME (or sign in to the window once). Nothing was opened.",
    ),
    "E_LOCKED_OUT": (
        "Đã nhập sai mật khẩu nhiều lần: hãy thử lại sau {seconds} giây.",
        "Too many wrong passphrases: try again in {seconds} seconds.",
    ),
    "E_LOCKED": ("Hồ sơ đang khóa: hãy đăng nhập.", "The profile is locked: sign in."),
    "E_VAULT_UNREADABLE": (
        "Không đọc được tệp khóa «{file}»; hãy khôi phục nó từ bản sao lưu hoặc nhờ tỉnh khôi phục.",
        "The key file “{file}” cannot be read; restore it from a backup or ask the province to recover.",
    ),
    "E_VAULT_MISSING": (
        "Thiếu tệp khóa «{file}»: không có nó thì không mở được dữ liệu đã mã hóa.",
        "The key file “{file}” is missing: the encrypted data cannot be opened without it.",
    ),
    "E_KEYFILE": (
        "Tệp khóa «{file}» đã bị thay đổi hoặc thuộc hồ sơ khác.",
        "The key file “{file}” was changed or belongs to another profile.",
    ),
    "E_NO_ESCROW": (
        "Hồ sơ này chưa có bản khóa dự phòng của tỉnh (chưa cài thẻ máy chủ): không khôi phục được bằng phiếu.",
        "This profile has no escrow wrap yet (no hub card installed): it cannot be recovered with a sheet.",
    ),
    "E_ESCROW_KEY": (
        "Phiếu khôi phục không mở được khóa của hồ sơ này (sai phiếu, hoặc phiếu của tỉnh khác).",
        "The recovery sheet does not open this profile's key (wrong sheet, or another province's).",
    ),
    "E_ENCRYPT_CHECK": (
        "Mã hóa «{path}» không qua được kiểm tra; hồ sơ được giữ nguyên, chưa mã hóa.",
        "Encrypting “{path}” failed its check; the profile is kept as it was, not encrypted yet.",
    ),
    "E_LAST_ADMIN": (
        "Không thể khóa tài khoản quản trị cuối cùng.",
        "The last administrator account cannot be deactivated.",
    ),
    "PROMPT_PASSPHRASE": ("Mật khẩu:", "Passphrase:"),
    "PROMPT_PASSPHRASE_AGAIN": ("Nhập lại mật khẩu:", "Passphrase again:"),
    "PROMPT_NEW_PASSPHRASE": ("Mật khẩu mới:", "New passphrase:"),
    "USER_ADDED": ("Đã thêm tài khoản {username} ({role}).", "Account {username} ({role}) added."),
    "USER_DEACTIVATED": ("Đã khóa tài khoản {username}.", "Account {username} deactivated."),
    "USER_RESET": ("Đã đặt mật khẩu mới cho {username}.", "{username} has a new passphrase."),
    "USER_PASSWD": ("Đã đổi mật khẩu.", "Passphrase changed."),
    "RECOVERED": (
        "Đã khôi phục: {username} đăng nhập bằng mật khẩu mới; dữ liệu và lịch sử giữ nguyên.",
        "Recovered: {username} signs in with the new passphrase; data and history are intact.",
    ),
    "E_DB_NEWER": (
        "Cơ sở dữ liệu được tạo bởi phiên bản mới hơn ({revision}); hãy cập nhật CTXH Desk.",
        "The database was made by a newer version ({revision}); update CTXH Desk.",
    ),
    "E_UPGRADE_FAILED": (
        "Nâng cấp cơ sở dữ liệu thất bại; dữ liệu cũ được giữ nguyên, bản sao lưu tại «{backup}».",
        "The database upgrade failed; the old data is untouched, backup at “{backup}”.",
    ),
    "E_BACKUP_CHECK": (
        "Bản sao lưu «{path}» không vượt qua kiểm tra toàn vẹn.",
        "The backup “{path}” failed its integrity check.",
    ),
    "E_RESTORE_FOREIGN": (
        "«{path}» là bản sao lưu của máy khác hoặc xã/phường khác: chỉ khôi phục được bản sao lưu của chính máy "
        "này. Hồ sơ không thay đổi.",
        "“{path}” is a backup of another laptop or commune: only this laptop's own backups can be restored. "
        "Nothing was changed.",
    ),
    "E_DB_CHECK": ("Kiểm tra cơ sở dữ liệu phát hiện lỗi: {detail}", "The database check found a problem: {detail}"),
    "E_ARGS": ("Tham số không hợp lệ: {detail}", "Invalid arguments: {detail}"),
    "E_FORBIDDEN": (
        "Tài khoản «{user}» (vai trò {role}) không có quyền làm việc này; hãy nhờ cán bộ phụ trách.",
        "The account “{user}” (role {role}) may not do this; ask the officer in charge.",
    ),
    "E_ROLE": ("Vai trò «{role}» không hợp lệ.", "“{role}” is not a valid role."),
    "E_WORKER_REQUIRED": (
        "Tài khoản cộng tác viên phải gắn với một người trong danh sách đội ngũ.",
        "A collaborator account must be linked to a roster member.",
    ),
    "E_PROCESS_UNKNOWN": ("Không có quy trình «{process}».", "There is no process “{process}”."),
    "E_APPROVAL_PENDING": (
        "Bước «{step}» cần Chủ tịch UBND xã phê duyệt trước khi chuyển bước.",
        "Step “{step}” needs the commune chair's approval before moving on.",
    ),
    "E_NO_APPROVAL": ("Bước «{step}» không cần phê duyệt.", "Step “{step}” needs no approval."),
    "E_NOT_REQUESTED": ("Chưa trình phê duyệt bước «{step}».", "Approval of step “{step}” was not requested."),
    "E_ALREADY_REQUESTED": ("Bước «{step}» đã được trình phê duyệt.",
                            "Step “{step}” was already submitted for approval."),
    "E_CLOSE_STEP": (
        "«{step}» là bước cuối: hãy kết thúc hồ sơ và ghi lý do.",
        "“{step}” is the last step: close the case and give the reason.",
    ),
    "E_CASE_CLOSED": ("Hồ sơ đã kết thúc.", "The case is closed."),
    "E_CASE_OPEN": ("Hồ sơ đang thực hiện, không cần mở lại.", "The case is open: there is nothing to reopen."),
    "E_CASE_TRANSFERRED": (
        "Hồ sơ đã chuyển sang xã/phường khác; nơi mới tiếp tục hồ sơ, không mở lại ở đây.",
        "The case moved to another commune, which carries it on: it is not reopened here.",
    ),
    "E_REOPEN_REASON": (
        "Hãy ghi lý do mở lại hồ sơ (ít nhất {min} ký tự) để người kiểm tra đọc được.",
        "Give the reason for reopening the case (at least {min} characters), for whoever checks it later.",
    ),
    "E_STEP_DATE_FUTURE": ("Ngày thực hiện không được sau thời điểm hiện tại.",
                           "The date it was done cannot be in the future."),
    "E_STEP_DATE_EARLY": (
        "Ngày thực hiện không được trước ngày bắt đầu bước «{step}» ({started}).",
        "The date it was done cannot be before step “{step}” began ({started}).",
    ),
    "E_CLOSE_EARLY": (
        "Lý do «Đạt mục tiêu» chỉ ghi ở bước cuối (rà soát, đánh giá); hồ sơ đang ở bước «{step}». Hãy làm "
        "tiếp đến bước cuối, hoặc chọn lý do khác.",
        "“Goal achieved” is the finding of the last step (review); the case is at “{step}”. Carry on to the "
        "last step, or choose another reason.",
    ),
    "E_WORKFLOW_FIELD": (
        "«{field}» chỉ thay đổi qua các nút của trang hồ sơ (chuyển bước, kết thúc, mở lại).",
        "“{field}” changes only through the case page's actions (next step, close, reopen).",
    ),
    "E_APPROVER": ("Hãy ghi họ tên người phê duyệt.", "Give the name of the person who approved."),
    "E_NOTE_EMPTY": ("Nội dung ghi chép đang trống.", "The note is empty."),
    "E_EMAIL": ("«{field}»: «{value}» không phải địa chỉ thư điện tử (dạng ten@donvi.gov.vn).",
                "“{field}”: “{value}” is not an e-mail address (name@unit.gov.vn)."),
    # A case's timeline (case_log.timeline): codes in params are shown by their labels.
    "EV_OPENED": ("Tiếp nhận, mở hồ sơ ({process})", "Intake, case opened ({process})"),
    "EV_STEP_STARTED": ("Bắt đầu bước «{step}»", "Step “{step}” began"),
    "EV_STEP_DONE": ("Hoàn thành bước «{step}»", "Step “{step}” finished"),
    "EV_SUBMITTED": ("Trình phê duyệt bước «{step}»", "Step “{step}” submitted for approval"),
    "EV_DECIDED": ("{decision} bước «{step}» — QĐ số {number}, người ký: {approver}",
                   "{decision}: step “{step}” — decision no. {number}, signed by {approver}"),
    "EV_SERVICE": ("Dịch vụ: {service}", "Service: {service}"),
    "EV_REFERRAL": ("Chuyển tuyến đến {facility} ({status})", "Referred to {facility} ({status})"),
    "EV_CONSENT": ("Đồng ý: {purpose} ({signer})", "Consent: {purpose} ({signer})"),
    "EV_CONSENT_WITHDRAWN": ("Rút lại đồng ý: {purpose}", "Consent withdrawn: {purpose}"),
    "EV_FORM": ("Lập biểu mẫu: {form}", "Form filled: {form}"),
    "EV_NOTE": ("Ghi chép: {text}", "Note: {text}"),
    "EV_REOPEN": ("Mở lại hồ sơ — lý do: {text}", "Case reopened — reason: {text}"),
    "EV_CLOSED": ("Kết thúc hồ sơ — lý do: {reason}", "Case closed — reason: {reason}"),
    "E_FILE_MISSING": ("Không tìm thấy tệp «{file}».", "File “{file}” not found."),
    "E_XLSX_TYPE": (
        "Tệp «{file}» không phải bảng tính Excel (.xlsx, .xls, .xlsb) hay LibreOffice (.ods). Hãy mở bằng Excel "
        "và lưu lại dạng «Excel Workbook (.xlsx)».",
        "“{file}” is not an Excel (.xlsx, .xls, .xlsb) or LibreOffice (.ods) spreadsheet. Open it in Excel and "
        "save it as “Excel Workbook (.xlsx)”.",
    ),
    "E_MAP_ARG": (
        "«{value}» không đúng dạng DANH_MỤC:GIÁ_TRỊ=MÃ với một danh mục và một mã có sẵn "
        "(ví dụ target_group:Người cao tuổi=TCXH_05C).",
        "“{value}” is not LIST:VALUE=CODE with a known list and code (e.g. target_group:Người cao tuổi=TCXH_05C).",
    ),
    "E_PERIOD_RANGE": (
        "Hãy chọn kỳ báo cáo: một năm (--year), có thể kèm --half, --quarter hoặc --month; hoặc cả ngày đầu "
        "(--from) và ngày cuối (--to).",
        "Choose the report's period: a year (--year), with --half, --quarter or --month if wanted; or both a "
        "first day (--from) and a last day (--to).",
    ),
    "E_PERIOD_ORDER": ("Ngày cuối kỳ báo cáo ở trước ngày đầu.", "The period's last day comes before its first."),
    "E_PERIOD_VALUE": ("Kỳ báo cáo không hợp lệ: {what}.", "Not a valid report period: {what}."),
    "E_MONTH_VALUE": ("Tháng không hợp lệ: {what} (viết năm-tháng, ví dụ 2026-11).",
                      "Not a valid month: {what} (write year-month, e.g. 2026-11)."),
    "E_DAY_VALUE": ("Ngày không hợp lệ: {what} (viết năm-tháng-ngày, ví dụ 2026-11-05).",
                    "Not a valid date: {what} (write year-month-day, e.g. 2026-11-05)."),
    "E_DUPLICATE_PAIR": (
        "Không thấy cặp «{pair}» trong lần tìm gần nhất. Hãy chạy «ctxh hub duplicates» rồi dùng mã cặp ở đó.",
        "No pair “{pair}” in the last search. Run “ctxh hub duplicates” and use a pair key it lists.",
    ),
    "E_DUPLICATE_KEEPER": (
        "Cặp {pair}: hãy chọn xã/phường giữ hồ sơ người này (--keep), một trong: {communes}.",
        "Pair {pair}: choose the commune that keeps this person (--keep), one of: {communes}.",
    ),
    "E_REPORT_KIND": ("Không có loại báo cáo «{kind}» (có: {kinds}).",
                      "There is no report “{kind}” (there are: {kinds})."),
    "E_REPORT_FIGURE": ("Báo cáo không có chỉ tiêu «{key}».", "The report has no figure “{key}”."),
    "E_REPORT_OUT": (
        "Tệp «{file}»: báo cáo chỉ lưu được dạng .xlsx hoặc .pdf.",
        "“{file}”: a report is saved as .xlsx or .pdf only.",
    ),
    "E_TRAINING_COURSE": (
        "Chưa rõ lớp học của danh sách (thiếu: {missing}). Hãy ghi tên lớp, loại lớp và ngày bắt đầu.",
        "The class list does not say which course it is (missing: {missing}). Give the course's title, kind "
        "and start date.",
    ),
    "E_XLSX_PASSWORD": (
        "Tệp «{file}» có mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu rồi lưu lại.",
        "“{file}” is protected by a password. Open it in Excel, remove the password and save it.",
    ),
    "E_XLSX_CHANGED": (
        "Tệp «{file}» đã thay đổi sau khi đọc. Hãy đọc lại tệp trước khi nhập.",
        "“{file}” changed after it was read. Read it again before importing.",
    ),
    "E_XLSX_MACRO": (
        "Tệp «{file}» chứa macro nên không được nhập. Hãy lưu lại dạng .xlsx không có macro.",
        "“{file}” contains macros and is refused. Save it as an .xlsx without macros.",
    ),
    "E_XLSX_EXTERNAL": (
        "Tệp «{file}» có liên kết tới tệp khác nên không được nhập. Hãy chép và dán dạng giá trị rồi lưu lại.",
        "“{file}” links to other workbooks and is refused. Paste the values and save it again.",
    ),
    "E_XLSX_BROKEN": (
        "Không đọc được tệp «{file}»: tệp bị hỏng hoặc không phải Excel.",
        "“{file}” cannot be read: it is damaged or not an Excel file.",
    ),
    "E_XLSX_TOO_BIG": ("Tệp «{file}» quá lớn hoặc nén bất thường.", "“{file}” is too large or abnormally compressed."),
    "E_XLSX_SHEET": ("Không có trang tính «{sheet}» trong tệp.", "There is no sheet “{sheet}” in the workbook."),
    "E_XLSX_NO_HEADER": (
        "Không tìm thấy dòng tiêu đề (cần ít nhất cột «Họ và tên» và một cột khác) trong trang «{sheet}».",
        "No header row found (a “Full name” column and one more are needed) in sheet “{sheet}”.",
    ),
    "E_FORM_UNKNOWN": ("Không có biểu mẫu «{form}».", "There is no form “{form}”."),
    "E_CONSENT_WITHDRAWN": (
        "Sự đồng ý này đã được rút lại ngày {on}.", "This consent was already withdrawn on {on}.",
    ),
    "E_CONSENT_SIGNER": (
        "«{role}» không phù hợp với tuổi của đối tượng ({age} tuổi).",
        "“{role}” does not fit the person's age ({age}).",
    ),
    "E_SIG": (
        "Gói «{file}» không đúng chữ ký hoặc đã bị sửa đổi; không nhập.",
        "“{file}” has a wrong signature or was altered; not imported.",
    ),
    "E_TRUNC": (
        "Gói «{file}» bị cắt cụt hoặc hư hỏng (có thể do rút USB khi đang ghi); hãy xuất lại.",
        "“{file}” is cut short or damaged (perhaps a stick pulled while writing); export it again.",
    ),
    "E_REPLAY": (
        "Gói «{file}» trùng số thứ tự với một gói đã nhận nhưng nội dung khác (phát lại hoặc khôi phục máy); "
        "đã cách ly và cần báo cán bộ tỉnh.",
        "“{file}” repeats counters already received with other content (a replay or a restored laptop); "
        "quarantined — tell the province.",
    ),
    "E_SCOPE": (
        "Gói «{file}» chứa dữ liệu ngoài phạm vi xã của máy gửi; không nhập.",
        "“{file}” holds records outside its sender's commune; not imported.",
    ),
    "E_REVOKED": ("Máy gửi gói «{file}» đã bị thu hồi quyền; không nhập.", "The sender of “{file}” was revoked."),
    "E_AUDIT": (
        "Nhật ký truy cập trong gói «{file}» không nối tiếp nhật ký máy đó đã gửi trước (mục bị sửa hoặc xóa); "
        "không nhập, đã cách ly.",
        "The audit trail in “{file}” does not continue what that laptop sent before (an entry edited or removed); "
        "not imported, quarantined.",
    ),
    "E_EXPIRED": (
        "Chứng nhận của máy gửi gói «{file}» đã hết hạn hoặc chưa có hiệu lực.",
        "The sender's certificate for “{file}” has expired or is not yet valid.",
    ),
    "E_SIZE": ("Gói «{file}» quá lớn hoặc phình to bất thường; không đọc.", "“{file}” is too large; not read."),
    "E_FORMAT": (
        "Tệp «{file}» không phải gói dữ liệu CTXH Desk hợp lệ.",
        "“{file}” is not a valid CTXH Desk bundle.",
    ),
    "E_RECIPIENT": (
        "Gói «{file}» không mở được bằng khóa của máy này: gói gửi cho máy khác, hoặc phần đầu tệp đã bị hỏng.",
        "“{file}” does not open with this device's key: it is for another device, or its header is damaged.",
    ),
    "OUT_REFUSED": ("{file}: TỪ CHỐI [{code}] — {reason}", "{file}: REFUSED [{code}] — {reason}"),
    "OUT_QUARANTINED": ("{file}: TỪ CHỐI, CÁCH LY [{code}] — {reason}",
                        "{file}: REFUSED, QUARANTINED [{code}] — {reason}"),
    "OUT_DUPLICATE": ("{file}: đã nhập trước đây, bỏ qua ({changes} thay đổi)",
                      "{file}: imported before, skipped ({changes} changes)"),
    "OUT_VALID": ("{file}: hợp lệ, {changes} thay đổi", "{file}: valid, {changes} changes"),
    "OUT_APPLIED": ("{file}: hợp lệ, {changes} thay đổi; áp dụng {applied}",
                    "{file}: valid, {changes} changes; {applied} applied"),
    "OUT_CONFLICTS": (", {conflicts} xung đột", ", {conflicts} conflict(s)"),
    "OUT_WAITING": (", {waiting} chờ gói còn thiếu (số {first}–{last})",
                    ", {waiting} wait for a missing bundle (counters {first}–{last})"),
    "HUB_IMPORT_TOTALS": (
        "{files} tệp: {refused} bị từ chối; {received} thay đổi nhận được: áp dụng {applied}, cũ hơn {superseded}, "
        "chờ gói trước {waiting}, trùng {duplicate}; {conflicts} xung đột.",
        "{files} file(s): {refused} refused; {received} changes received: {applied} applied, {superseded} older, "
        "{waiting} waiting for an earlier bundle, {duplicate} duplicate; {conflicts} conflict(s).",
    ),
    "HUB_TRANSFERRED": ("{count} hồ sơ chuyển nơi ở đã được mở ở xã/phường mới.",
                        "{count} case(s) of people who moved were opened in their new commune."),
    "STATUS_DEVICE": ("Máy: {name} ({partition})", "Laptop: {name} ({partition})"),
    "STATUS_DIGEST": ("Mã băm nội dung: {digest}", "Content digest: {digest}"),
    "STATUS_NO_HUB_BUNDLE": ("Chưa nhận gói nào của tỉnh.", "No bundle from the province received yet."),
    "STATUS_HUB_AGE": ("Gói mới nhất của tỉnh: {days} ngày trước (cảnh báo khi quá {limit} ngày).",
                       "Newest bundle from the province: {days} day(s) old (a warning after {limit})."),
    "STATUS_FROZEN": (
        "CẢNH BÁO: đã {days} ngày không có gói của tỉnh (quá {limit}); thông báo thu hồi và biểu mẫu mới có thể "
        "chưa đến máy này — hãy đề nghị tỉnh gửi gói mới.",
        "WARNING: no bundle from the province for {days} days (more than {limit}); revocations and new forms "
        "may not be reaching this laptop — ask the province for a fresh bundle.",
    ),
    "STATUS_FORK": (
        "CẢNH BÁO: tỉnh phát hiện hai bản dữ liệu khác nhau của máy này; máy đã chuyển sang chuỗi gửi số {epoch} — "
        "hãy xuất gói và gửi cho tỉnh.",
        "WARNING: the province found two different copies of this laptop's data; it now sends under series "
        "{epoch} — export a bundle and send it to the province.",
    ),
    "HUB_INIT_DONE": (
        "Đã tạo máy chủ {name}. Dấu vân tay: {fingerprint}\nPhiếu khôi phục (khóa dự phòng) đã ghi vào {sheet} và in "
        "dưới đây: hãy in ra giấy, cất nơi an toàn, rồi rút USB — máy chủ không giữ bản nào.",
        "Hub {name} created. Fingerprint: {fingerprint}\nThe recovery sheet (escrow key) was written to {sheet} and "
        "is printed below: print it on paper, keep it safe, then unplug the stick — the hub keeps no copy.",
    ),
    "E_ESCROW_PLACE": (
        "Phiếu khôi phục phải ghi ra tệp mới, ngoài hồ sơ máy chủ (ví dụ trên USB): «{path}» không dùng được.",
        "The recovery sheet must go to a new file outside the hub profile (on a stick, say): “{path}” cannot be used.",
    ),
    "E_DISK_FULL": (
        "Không đủ chỗ trống trong «{folder}» để ghi «{file}»; chưa gửi gì, dữ liệu trên máy không đổi. Hãy xóa bớt "
        "tệp hoặc dùng USB khác rồi xuất lại.",
        "Not enough free space in “{folder}” to write “{file}”; nothing was sent and the data here is unchanged. "
        "Free some space or use another stick, then export again.",
    ),
    "E_PROFILE_DISK_FULL": (
        "Ổ đĩa chứa dữ liệu ({folder}) đã đầy: thao tác vừa rồi không được lưu, dữ liệu cũ vẫn nguyên. Hãy giải phóng "
        "chỗ trống rồi làm lại.",
        "The disk holding the data ({folder}) is full: the last action was not saved, the data is as it was. Free "
        "some space and try again.",
    ),
    "E_WRITE": (
        "Không ghi được vào «{folder}» ({reason}); chưa gửi gì, dữ liệu trên máy không đổi.",
        "Could not write to “{folder}” ({reason}); nothing was sent and the data here is unchanged.",
    ),
    "E_DAMAGED": (
        "Gói «{file}» bị hỏng hoặc bị sửa đổi bên trong (dữ liệu không khớp mã xác thực); không nhập. Hãy xuất "
        "lại và chép bằng USB khác.",
        "“{file}” is damaged or altered inside (its data fails authentication); not imported. Export it again "
        "and copy it on another stick.",
    ),
    "E_FORK": (
        "Gói «{file}» không nối tiếp gói trước của cùng máy (máy đã bị chép lại bản sao lưu cũ?); đã cách ly. "
        "Máy đó sẽ được báo qua gói tiếp theo của tỉnh.",
        "“{file}” does not follow its device's previous bundle (a laptop copied back from an old backup?); "
        "quarantined. That laptop is told in the province's next bundle.",
    ),
    "E_INTERNAL": (
        "Lỗi nội bộ của chương trình khi xử lý «{file}»; không thay đổi gì. Đã ghi nhật ký (mã sự cố {incident}) — "
        "hãy gửi tệp {log} cho bộ phận hỗ trợ.",
        "An internal error while handling “{file}”; nothing was changed. It was logged (incident {incident}) — "
        "send {log} to support.",
    ),
    "E_SNAPSHOT": (
        "Gói «{file}» có biểu mẫu hoặc danh mục không khớp bản kê đã ký của tỉnh; không nhập, giữ bộ biểu mẫu "
        "đang dùng. Hãy xin tỉnh gửi lại.",
        "“{file}” holds forms or code lists that do not match the province's signed list; not imported, the "
        "forms in use are kept. Ask the province to send it again.",
    ),
    "E_READBACK": (
        "Đọc lại tệp «{file}» vừa ghi không khớp (USB lỗi hoặc đầy?); tệp đã bị xóa, hãy xuất lại.",
        "Reading back “{file}” did not match (a faulty or full stick?); it was removed — export again.",
    ),
    "E_NO_RECIPIENT": (
        "Chưa có nơi nhận: hãy cài thẻ của tỉnh/huyện (ctxh trust add) trước khi xuất.",
        "Nobody to send to: install the hub's card (ctxh trust add) first.",
    ),
    "E_BUNDLE_TOO_SMALL": (
        "Giới hạn cỡ tệp {max} byte quá nhỏ cho một thay đổi.", "A limit of {max} bytes is too small for one change.",
    ),
    "E_CARD": ("Tệp «{file}» không đọc được như một thẻ (tệp .json do CTXH Desk lưu).",
               "“{file}” cannot be read as a card (a .json file CTXH Desk saved)."),
    "E_CARD_KIND": ("Tệp này không phải thẻ của một máy hay của tỉnh trong CTXH Desk.",
                    "This file is not a CTXH Desk laptop or province card."),
    "E_CARD_KEYS": ("Thẻ thiếu khóa hoặc khóa bị hỏng: hãy xin lại thẻ từ người gửi.",
                    "The card lacks a key or a key is damaged: ask the sender for it again."),
    "E_CARD_FINGERPRINT": (
        "Dấu vân tay ghi trên thẻ không khớp với khóa của thẻ: thẻ đã bị sửa. Không cài; hãy xin lại thẻ.",
        "The card's fingerprint does not match its keys: it was altered. Not installed; ask for it again.",
    ),
    "E_CARD_COMMUNE": ("Thẻ này là của máy thuộc xã/phường khác ({detail}): chỉ tin cậy máy cùng xã/phường.",
                       "This card is of a laptop of another commune ({detail}): only this commune's are trusted."),
    "E_HUB_DRIVER": (
        "Bản cài trên máy xã không có trình điều khiển PostgreSQL: máy chủ của tỉnh được cài kèm gói «hub».",
        "A commune laptop's build has no PostgreSQL driver: the province's server is installed with the hub extra.",
    ),
    "STATUS_RECEIPT": ("Mã xác nhận của tỉnh: {code} (đến thay đổi số {through}).",
                       "The province's receipt code: {code} (up to change {through})."),
    "HUB_RECEIPT_CODE": ("{name}: mã xác nhận {code} (đến thay đổi số {through}) — đọc cho xã qua điện thoại.",
                         "{name}: receipt code {code} (up to change {through}) — read it to the commune."),
    "E_CARD_OWN": ("Đây là thẻ của chính máy này.", "This is this laptop's own card."),
    "E_CARD_HUB": ("Đây là thẻ của tỉnh, không đăng ký như một máy xã.",
                   "This is a province card: it is not enrolled as a commune laptop."),
    "E_CARD_PROVINCE": ("Máy này thuộc tỉnh khác ({detail}): không đăng ký ở đây.",
                        "This laptop is of another province ({detail}): not enrolled here."),
    "E_KEYS_EXIST": ("Máy này đã có khóa ({detail}).", "This laptop already has keys ({detail})."),
    "E_FOLDER_MISSING": (
        "Không tìm thấy thư mục «{folder}» (USB đã cắm chưa?).", "Folder “{folder}” not found (is the stick in?).",
    ),
    "E_NOT_HUB": ("«{path}» không phải hồ sơ máy chủ (ctxh hub init).", "“{path}” is not a hub profile."),
    "E_DUPLICATE": (
        "Trùng với «{name}» đã có ({why}).", "Duplicate of “{name}” already present ({why}).",
    ),
}

# field name -> (Vietnamese, English)
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "full_name": ("Họ và tên", "Full name"),
    "birth_date": ("Ngày sinh", "Date of birth"),
    "gender": ("Giới tính", "Gender"),
    "national_id": ("Số CCCD", "Citizen ID"),
    "old_national_id": ("Số CMND cũ", "Old ID card no."),
    "id_issued_on": ("Ngày cấp CCCD", "ID issued on"),
    "father_name": ("Họ tên cha", "Father's name"),
    "mother_name": ("Họ tên mẹ", "Mother's name"),
    "phone": ("Số điện thoại", "Phone"),
    "email": ("Thư điện tử", "Email"),
    "address": ("Địa chỉ", "Address"),
    "category": ("Loại nhân lực", "Category"),
    "workplace_type": ("Nơi làm việc", "Workplace"),
    "position": ("Chức vụ", "Position"),
    "education_level": ("Trình độ chuyên môn", "Professional qualification"),
    "major": ("Chuyên ngành", "Major"),
    "sw_qualification": ("Trình độ CTXH", "Social-work qualification"),
    "title_grade": ("Hạng chức danh", "Title grade"),
    "title_code": ("Mã chức danh", "Title code"),
    "practice_cert_no": ("Số giấy chứng nhận hành nghề", "Practice certificate no."),
    "practice_cert_expiry": ("Hạn giấy chứng nhận hành nghề", "Practice certificate expiry"),
    "contract_no": ("Số hợp đồng", "Contract no."),
    "start_date": ("Ngày bắt đầu", "Start date"),
    "end_date": ("Ngày kết thúc", "End date"),
    "status": ("Trạng thái", "Status"),
    "notes": ("Ghi chú", "Notes"),
    "title": ("Tên lớp", "Course title"),
    "kind": ("Loại lớp", "Course kind"),
    "organiser": ("Đơn vị tổ chức", "Organiser"),
    "hours": ("Số giờ", "Hours"),
    "level": ("Trình độ", "Level"),
    "location": ("Địa điểm", "Location"),
    "course_id": ("Lớp học", "Course"),
    "worker_id": ("Người", "Person"),
    "certificate_no": ("Số chứng chỉ", "Certificate no."),
    "completed": ("Kết quả", "Result"),
    "workplace": ("Đơn vị công tác", "Workplace"),
    "general_education": ("Học vấn (giáo dục phổ thông)", "General education"),
    "as_written": ("Giá trị giữ nguyên như trong tệp", "Values kept as written"),
    "guardian_name": ("Người giám hộ", "Guardian"),
    "commune_code": ("Xã/phường", "Commune"),
    "target_groups": ("Nhóm đối tượng", "Target groups"),
    "beneficiary_id": ("Đối tượng", "Beneficiary"),
    "case_no": ("Mã hồ sơ", "Case no."),
    "process_type": ("Quy trình", "Process"),
    "step": ("Bước", "Step"),
    "opened_on": ("Ngày tiếp nhận", "Opened on"),
    "closed_on": ("Ngày kết thúc", "Closed on"),
    "closure_reason": ("Lý do kết thúc", "Closure reason"),
    "assigned_worker_id": ("Người phụ trách", "Case manager"),
    "summary": ("Tóm tắt", "Summary"),
    "case_id": ("Hồ sơ", "Case"),
    "service_type": ("Loại dịch vụ", "Service type"),
    "delivered_on": ("Ngày thực hiện", "Date"),
    "duration_minutes": ("Thời lượng (phút)", "Duration (minutes)"),
    "username": ("Tên đăng nhập", "User name"),
    "passphrase": ("Mật khẩu", "Passphrase"),
    "device_name": ("Tên máy", "Device name"),
    "province_code": ("Tỉnh/thành phố", "Province"),
    "amount": ("Mức phụ cấp (đồng/tháng)", "Allowance (VND/month)"),
    "effective_from": ("Áp dụng từ ngày", "From"),
    "effective_to": ("Đến ngày", "Until"),
    "decision_no": ("Số quyết định", "Decision no."),
    "approver_name": ("Người phê duyệt", "Approved by"),
    "noted_on": ("Ngày", "Date"),
    "text": ("Nội dung", "Text"),
    "legal_basis": ("Cơ sở pháp lý xử lý dữ liệu", "Legal basis of processing"),
    "purpose": ("Mục đích", "Purpose"),
    "purpose_detail": ("Ghi rõ mục đích", "Purpose (details)"),
    "signer_role": ("Người ký đồng ý", "Signed by"),
    "signer_name": ("Họ tên người ký", "Signer's name"),
    "given_on": ("Ngày đồng ý", "Date given"),
    "withdrawn_on": ("Ngày rút lại", "Date withdrawn"),
    "form_code": ("Biểu mẫu", "Form"),
    "filled_on": ("Ngày lập", "Date filled"),
    "name": ("Tên cơ sở", "Name"),
    "facility_type": ("Loại cơ sở", "Kind of facility"),
    "in_master_plan": ("Thuộc quy hoạch mạng lưới cơ sở", "In the master plan"),
    "offers_ctxh": ("Có cung cấp dịch vụ CTXH", "Offers CTXH services"),
    "ctxh_since": ("Cung cấp dịch vụ CTXH từ ngày", "Offers CTXH services since"),
    "facility_id": ("Cơ sở tiếp nhận", "Facility"),
    "facility_name": ("Tên cơ sở tiếp nhận", "Facility's name"),
    "clause": ("Diện hưởng (NĐ 20/2021)", "Clause (ND 20/2021)"),
    "sub_clause": ("Điểm", "Sub-clause"),
    "decision_date": ("Ngày quyết định", "Decision date"),
    "coefficient": ("Hệ số", "Coefficient"),
    "children": ("Số con đang nuôi", "Children raised"),
    "start_month": ("Hưởng từ tháng", "Paid from"),
    "end_month": ("Tháng cuối được hưởng", "Last month paid"),
    "end_reason": ("Lý do thôi hưởng", "Why it ended"),
    "payee_name": ("Người nhận thay", "Paid to"),
    "monthly_amount": ("Mức trợ cấp hằng tháng (đồng)", "Monthly amount (VND)"),
    "referred_on": ("Ngày chuyển tuyến", "Referred on"),
    "ended_on": ("Ngày kết thúc", "Ended on"),
    "indicator": ("Chỉ tiêu", "Indicator"),
    "year": ("Năm", "Year"),
    "value": ("Số liệu", "Figure"),
    "referral_status": ("Tình trạng chuyển tuyến", "Referral status"),
    "referred_to": ("Nơi chuyển tuyến đến", "Referred to"),
    "serious_danger": ("Nguy cơ bị tổn hại nghiêm trọng", "In serious danger"),
    "transfer_to": ("Chuyển đến xã/phường", "Moved to"),
    "transferred_from": ("Chuyển từ xã/phường", "Came from"),
    "author": ("Người ghi", "Written by"),
    "approval_due_at": ("Hạn phê duyệt", "Approval due"),
    "approval_requested_at": ("Ngày trình phê duyệt", "Submitted for approval"),
    "completed_at": ("Ngày hoàn thành", "Finished on"),
    "completed_by": ("Người ghi hoàn thành", "Finished, entered by"),
    "decided_at": ("Ngày ghi quyết định", "Decision entered"),
    "decided_by": ("Người ghi quyết định", "Decision entered by"),
    "decision": ("Quyết định", "Decision"),
    "due_at": ("Hạn hoàn thành", "Due"),
    "recorded_at": ("Thời điểm ghi vào máy", "Entered at"),
    "responsible_worker_id": ("Người phụ trách bước", "Responsible for the step"),
    "started_at": ("Ngày bắt đầu", "Started"),
    "step_code": ("Bước", "Step"),
    "decided_on": ("Ngày tỉnh quyết định", "Decided by the province on"),
    "evidence": ("Căn cứ", "Evidence"),
    "handled_on": ("Ngày xã xử lý", "Handled on"),
    "keeper": ("Xã/phường giữ hồ sơ", "Commune that keeps her"),
    "other_partition": ("Xã/phường kia", "The other commune"),
    "pair_key": ("Mã cặp", "Pair"),
    "person_id": ("Đối tượng", "Person"),
    "answers": ("Nội dung biểu mẫu", "Form contents"),
    "filled_by_worker_id": ("Người lập", "Filled by"),
    "form_version": ("Phiên bản biểu mẫu", "Form version"),
    "source": ("Nguồn số liệu", "Source"),
}

_language = "vi"


def set_language(language: str) -> None:
    """Choose 'vi' (default) or 'en' for every message formatted afterwards."""
    global _language
    _language = "en" if language.startswith("en") else "vi"


def current_language() -> str:
    """'vi' or 'en': the language messages are formatted in now."""
    return _language


def field_label(field: str) -> str:
    """The user-facing label of a field in the current language."""
    pair = FIELD_LABELS.get(field)
    return field if pair is None else pair[0 if _language == "vi" else 1]


def format_message(code: str, params: dict[str, Any] | None = None) -> str:
    """Render a message code with its parameters; a `field` parameter is shown by its label."""
    params = dict(params or {})
    own_label = params.pop("label", None)  # a form's field brings its own (vi, en) label
    if own_label:
        params["field"] = own_label[0 if _language == "vi" else 1]
    elif "field" in params:
        params["field"] = field_label(str(params["field"]))
    if "other" in params:
        params["other"] = field_label(str(params["other"]))
    pair = MESSAGES.get(code)
    if pair is None:
        return f"{code} {params}" if params else code
    # A parameter the caller did not give reads "…": a message never fails for want of one.
    return pair[0 if _language == "vi" else 1].format_map(_Params(params))


class _Params(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "…"


def describe_error(error: CtxhError) -> list[str]:
    """All the lines that explain an error, one per invalid field for a ValidationError."""
    if isinstance(error, ValidationError):
        return [format_message(code, {"field": field, **params}) for field, code, params in error.problems]
    return [format_message(error.code, error.params)]
