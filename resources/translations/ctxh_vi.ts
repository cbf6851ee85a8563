<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en">
  <context>
    <name>ctxh</name>
    <message>
      <source>CTXH Desk</source>
      <translation>CTXH Desk</translation>
    </message>
    <message>
      <source>CTXH Desk is already open on this profile in another window. Use that window (look on the taskbar); two copies on one profile would each show the other's work out of date.</source>
      <translation>CTXH Desk đang mở hồ sơ này ở một cửa sổ khác. Hãy dùng cửa sổ đó (xem trên thanh tác vụ); hai cửa sổ cùng một hồ sơ sẽ hiển thị công việc của nhau không kịp thời.</translation>
    </message>
    <message>
      <source>Attendees — {title}</source>
      <translation>Học viên — {title}</translation>
    </message>
    <message>
      <source>Remove from the course</source>
      <translation>Xóa khỏi lớp</translation>
    </message>
    <message>
      <source>Find a roster member (diacritics optional)</source>
      <translation>Tìm người trong danh sách (gõ có dấu hay không dấu đều được)</translation>
    </message>
    <message>
      <source>Certificate no. (optional)</source>
      <translation>Số chứng chỉ (nếu có)</translation>
    </message>
    <message>
      <source>Add to the course</source>
      <translation>Thêm vào lớp</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Đóng</translation>
    </message>
    <message>
      <source>Full name</source>
      <translation>Họ và tên</translation>
    </message>
    <message>
      <source>Certificate no.</source>
      <translation>Số chứng chỉ</translation>
    </message>
    <message>
      <source>Attended</source>
      <translation>Đã tham gia</translation>
    </message>
    <message>
      <source>Roster</source>
      <translation>Danh sách đội ngũ</translation>
    </message>
    <message>
      <source>Choose a roster member first.</source>
      <translation>Hãy chọn một người trong danh sách trước.</translation>
    </message>
    <message>
      <source>This person is already on the course.</source>
      <translation>Người này đã có trong lớp.</translation>
    </message>
    <message>
      <source>The card says otherwise</source>
      <translation>Thông tin trên thẻ khác</translation>
    </message>
    <message>
      <source>These fields were already filled in and the card says something else. Tick the ones to take from the card; the others stay as typed.</source>
      <translation>Các ô này đã được nhập và thẻ ghi khác. Đánh dấu những ô lấy theo thẻ; các ô còn lại giữ như đã nhập.</translation>
    </message>
    <message>
      <source>Take the ticked values from the card</source>
      <translation>Lấy theo thẻ các ô đã đánh dấu</translation>
    </message>
    <message>
      <source>Keep everything as typed</source>
      <translation>Giữ tất cả như đã nhập</translation>
    </message>
    <message>
      <source>Read from the card…</source>
      <translation>Đọc từ thẻ…</translation>
    </message>
    <message>
      <source>Fill the person's details from the QR code of their chip CCCD or căn cước: open the photo taken on a phone</source>
      <translation>Điền thông tin của người này từ mã QR trên thẻ CCCD gắn chip hoặc thẻ căn cước: mở ảnh chụp thẻ bằng điện thoại</translation>
    </message>
    <message>
      <source>Paste the picture (Ctrl+Shift+V)</source>
      <translation>Dán ảnh (Ctrl+Shift+V)</translation>
    </message>
    <message>
      <source>A picture of the card copied in the chat window (right-click, Copy)</source>
      <translation>Ảnh thẻ đã sao chép trong cửa sổ trò chuyện (nhấp chuột phải, Sao chép)</translation>
    </message>
    <message>
      <source>The side with the QR code; the photo is not kept.</source>
      <translation>Chụp mặt có mã QR; ảnh không được lưu lại.</translation>
    </message>
    <message>
      <source>Choose a photo of the card</source>
      <translation>Chọn ảnh chụp thẻ</translation>
    </message>
    <message>
      <source>Pictures ({patterns})</source>
      <translation>Ảnh ({patterns})</translation>
    </message>
    <message>
      <source>Reading the card…</source>
      <translation>Đang đọc thẻ…</translation>
    </message>
    <message>
      <source>Read the card: {n} field(s) typed before differ from it.</source>
      <translation>Đã đọc thẻ: {n} ô đã nhập trước khác với thẻ.</translation>
    </message>
    <message>
      <source>Filled {n} field(s) from the card: {fields}.</source>
      <translation>Đã điền {n} trường từ thẻ: {fields}.</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Thông tin</translation>
    </message>
    <message>
      <source>As typed</source>
      <translation>Đã nhập</translation>
    </message>
    <message>
      <source>On the card</source>
      <translation>Trên thẻ</translation>
    </message>
    <message>
      <source>Kept as typed: {fields}.</source>
      <translation>Giữ như đã nhập: {fields}.</translation>
    </message>
    <message>
      <source>Check the card: its number disagrees with what it says.</source>
      <translation>Kiểm tra lại thẻ: số định danh không khớp với thông tin ghi trên thẻ.</translation>
    </message>
    <message>
      <source>{name} is already on the roster with this number.</source>
      <translation>{name} đã có trong danh sách đội ngũ với số này.</translation>
    </message>
    <message>
      <source>Open their entry</source>
      <translation>Mở mục của người này</translation>
    </message>
    <message>
      <source>Open the existing case</source>
      <translation>Mở hồ sơ đã có</translation>
    </message>
    <message>
      <source>the pasted picture</source>
      <translation>ảnh vừa dán</translation>
    </message>
    <message>
      <source>There is no picture on the clipboard. Copy the photo in the chat window first (right-click, Copy), or open the photo's file.</source>
      <translation>Không có ảnh trong bộ nhớ tạm. Hãy sao chép ảnh trong cửa sổ trò chuyện trước (nhấp chuột phải, Sao chép), hoặc mở tệp ảnh.</translation>
    </message>
    <message>
      <source>{name} is already here with this number</source>
      <translation>{name} đã có ở đây với số này</translation>
    </message>
    <message>
      <source>cases</source>
      <translation>hồ sơ</translation>
    </message>
    <message>
      <source>the province (hub)</source>
      <translation>tỉnh (máy chủ tỉnh)</translation>
    </message>
    <message>
      <source>a laptop</source>
      <translation>máy tính xã</translation>
    </message>
    <message>
      <source>The card to trust</source>
      <translation>Thẻ cần tin cậy</translation>
    </message>
    <message>
      <source>Cards (*.json)</source>
      <translation>Thẻ (*.json)</translation>
    </message>
    <message>
      <source>{name} — {kind}, {partition}</source>
      <translation>{name} — {kind}, {partition}</translation>
    </message>
    <message>
      <source>This laptop's card</source>
      <translation>Thẻ của máy này</translation>
    </message>
    <message>
      <source>Send this card to the province (on a USB stick or by e-mail) so it can register this laptop. When the district calls, read them the fingerprint below: it must be the same on their screen.</source>
      <translation>Gửi thẻ này cho tỉnh (bằng USB hoặc thư điện tử) để tỉnh đăng ký máy này. Khi huyện/tỉnh gọi điện, hãy đọc dấu vân tay dưới đây: phải trùng với dấu vân tay trên màn hình của họ.</translation>
    </message>
    <message>
      <source>Save the card…</source>
      <translation>Lưu thẻ…</translation>
    </message>
    <message>
      <source>Trust a card</source>
      <translation>Tin cậy một thẻ</translation>
    </message>
    <message>
      <source>Call whoever sent this card and have them read their fingerprint. Trust it only if every group is the same: a card that arrived by e-mail or on a stick could have been swapped on the way.</source>
      <translation>Gọi điện cho người gửi thẻ và nhờ họ đọc dấu vân tay. Chỉ tin cậy khi mọi nhóm đều trùng: thẻ gửi qua thư điện tử hay USB có thể bị đánh tráo trên đường.</translation>
    </message>
    <message>
      <source>The fingerprints match: trust it</source>
      <translation>Dấu vân tay trùng khớp: tin cậy</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Hủy</translation>
    </message>
    <message>
      <source>Fingerprint:</source>
      <translation>Dấu vân tay:</translation>
    </message>
    <message>
      <source>Save this laptop's card</source>
      <translation>Lưu thẻ của máy này</translation>
    </message>
    <message>
      <source>Card saved: {path}</source>
      <translation>Đã lưu thẻ: {path}</translation>
    </message>
    <message>
      <source>Trusted: {name} ({fingerprint}).</source>
      <translation>Đã tin cậy: {name} ({fingerprint}).</translation>
    </message>
    <message>
      <source>A step done on paper earlier is entered with the day it was done; the record also keeps who entered it and when</source>
      <translation>Việc đã làm trên giấy trước đó được ghi với ngày thực hiện thật; hồ sơ vẫn lưu ai ghi vào máy và lúc nào</translation>
    </message>
    <message>
      <source>Done on</source>
      <translation>Ngày thực hiện</translation>
    </message>
    <message>
      <source>What happened: a call, a visit, what was agreed, what to do next…</source>
      <translation>Việc đã diễn ra: cuộc gọi, lần thăm nhà, điều đã thống nhất, việc cần làm tiếp…</translation>
    </message>
    <message>
      <source>The day it happened (a note may be written later)</source>
      <translation>Ngày việc diễn ra (có thể ghi lại sau)</translation>
    </message>
    <message>
      <source>Add the note</source>
      <translation>Thêm ghi chép</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Thời điểm</translation>
    </message>
    <message>
      <source>What happened</source>
      <translation>Nội dung</translation>
    </message>
    <message>
      <source>Entered by</source>
      <translation>Người ghi</translation>
    </message>
    <message>
      <source>Entered at</source>
      <translation>Ghi vào máy lúc</translation>
    </message>
    <message>
      <source>Note added.</source>
      <translation>Đã thêm ghi chép.</translation>
    </message>
    <message>
      <source>asked {when}</source>
      <translation>đã trình {when}</translation>
    </message>
    <message>
      <source>Case</source>
      <translation>Hồ sơ</translation>
    </message>
    <message>
      <source>Steps and services</source>
      <translation>Các bước và dịch vụ</translation>
    </message>
    <message>
      <source>Forms</source>
      <translation>Biểu mẫu</translation>
    </message>
    <message>
      <source>Consent and legal basis</source>
      <translation>Đồng ý và cơ sở pháp lý</translation>
    </message>
    <message>
      <source>Notes and timeline</source>
      <translation>Ghi chép và diễn biến</translation>
    </message>
    <message>
      <source>Finish this step and go to the next</source>
      <translation>Hoàn thành bước này, chuyển bước tiếp theo</translation>
    </message>
    <message>
      <source>Submit for the chair's approval</source>
      <translation>Trình Chủ tịch UBND xã phê duyệt</translation>
    </message>
    <message>
      <source>Record: approved</source>
      <translation>Ghi nhận: đã phê duyệt</translation>
    </message>
    <message>
      <source>Record: not approved</source>
      <translation>Ghi nhận: không phê duyệt</translation>
    </message>
    <message>
      <source>Reopen the case…</source>
      <translation>Mở lại hồ sơ…</translation>
    </message>
    <message>
      <source>Close the case</source>
      <translation>Kết thúc hồ sơ</translation>
    </message>
    <message>
      <source>Facility referred to</source>
      <translation>Cơ sở tiếp nhận chuyển tuyến</translation>
    </message>
    <message>
      <source>Record referral</source>
      <translation>Ghi chuyển tuyến</translation>
    </message>
    <message>
      <source>Type to find the commune or ward</source>
      <translation>Gõ để tìm xã/phường</translation>
    </message>
    <message>
      <source>Transfer the case</source>
      <translation>Chuyển hồ sơ</translation>
    </message>
    <message>
      <source>dd/mm/yyyy</source>
      <translation>dd/mm/yyyy</translation>
    </message>
    <message>
      <source>Record a service</source>
      <translation>Ghi dịch vụ</translation>
    </message>
    <message>
      <source>Actions</source>
      <translation>Thao tác</translation>
    </message>
    <message>
      <source>What was done (optional)</source>
      <translation>Đã làm gì (không bắt buộc)</translation>
    </message>
    <message>
      <source>Finish a step</source>
      <translation>Hoàn thành bước</translation>
    </message>
    <message>
      <source>Step “{step}” will be recorded as finished at the time below, and the case moves on to “{next}”. A finished step is not reopened.</source>
      <translation>Bước «{step}» sẽ được ghi là hoàn thành vào thời điểm dưới đây và hồ sơ chuyển sang bước «{next}». Bước đã hoàn thành không mở lại được.</translation>
    </message>
    <message>
      <source>Finish “{step}”</source>
      <translation>Hoàn thành «{step}»</translation>
    </message>
    <message>
      <source>Step “{step}” finished; the case is now at “{next}”.</source>
      <translation>Đã hoàn thành bước «{step}»; hồ sơ đang ở bước «{next}».</translation>
    </message>
    <message>
      <source>Submit for approval</source>
      <translation>Trình phê duyệt</translation>
    </message>
    <message>
      <source>Step “{step}” will be submitted to the commune chair; the time allowed for the decision runs from the day below.</source>
      <translation>Bước «{step}» sẽ được trình Chủ tịch UBND xã; thời hạn phê duyệt tính từ ngày dưới đây.</translation>
    </message>
    <message>
      <source>Submit</source>
      <translation>Trình</translation>
    </message>
    <message>
      <source>Step “{step}” submitted for approval.</source>
      <translation>Đã trình phê duyệt bước «{step}».</translation>
    </message>
    <message>
      <source>Record the chair's approval of step “{step}” as written on the decision. Who entered it and when are kept with it.</source>
      <translation>Ghi quyết định phê duyệt bước «{step}» đúng như văn bản. Người ghi và thời điểm ghi được lưu kèm.</translation>
    </message>
    <message>
      <source>Record that the chair did not approve step “{step}”: it is done again and submitted again.</source>
      <translation>Ghi là Chủ tịch không phê duyệt bước «{step}»: bước này được lập lại và trình lại.</translation>
    </message>
    <message>
      <source>The chair's decision</source>
      <translation>Quyết định của Chủ tịch UBND xã</translation>
    </message>
    <message>
      <source>What the closure rests on (optional)</source>
      <translation>Căn cứ kết thúc (không bắt buộc)</translation>
    </message>
    <message>
      <source>The case will be closed for the reason “{reason}”. A closed case is reopened only with a written reason, which is kept in its log.</source>
      <translation>Hồ sơ sẽ kết thúc với lý do «{reason}». Hồ sơ đã kết thúc chỉ mở lại được khi ghi rõ lý do, lý do được lưu trong nhật ký hồ sơ.</translation>
    </message>
    <message>
      <source>Case closed: {reason}.</source>
      <translation>Đã kết thúc hồ sơ: {reason}.</translation>
    </message>
    <message>
      <source>Why the case is reopened (kept in its log and the audit trail)</source>
      <translation>Lý do mở lại hồ sơ (lưu trong nhật ký hồ sơ và nhật ký hệ thống)</translation>
    </message>
    <message>
      <source>Reopen the case</source>
      <translation>Mở lại hồ sơ</translation>
    </message>
    <message>
      <source>The case will be worked again from the step it closed on. The closure stays in the record's history.</source>
      <translation>Hồ sơ được thực hiện tiếp từ bước đã kết thúc. Lần kết thúc trước vẫn còn trong lịch sử hồ sơ.</translation>
    </message>
    <message>
      <source>Reopen</source>
      <translation>Mở lại</translation>
    </message>
    <message>
      <source>Case reopened.</source>
      <translation>Đã mở lại hồ sơ.</translation>
    </message>
    <message>
      <source>The case will be closed here (moved away) and the province opens it in {commune} with its history at the next exchange. This cannot be undone here.</source>
      <translation>Hồ sơ sẽ kết thúc ở đây (chuyển nơi ở) và tỉnh mở lại ở {commune} kèm toàn bộ diễn biến sau lần đồng bộ tới. Việc này không hoàn tác được ở đây.</translation>
    </message>
    <message>
      <source>Transfer</source>
      <translation>Chuyển</translation>
    </message>
    <message>
      <source>Case closed here; {commune} carries it on.</source>
      <translation>Đã kết thúc hồ sơ ở đây; {commune} sẽ tiếp tục.</translation>
    </message>
    <message>
      <source>Referral recorded.</source>
      <translation>Đã ghi chuyển tuyến.</translation>
    </message>
    <message>
      <source>Service recorded.</source>
      <translation>Đã ghi dịch vụ.</translation>
    </message>
    <message>
      <source>Service delivered</source>
      <translation>Dịch vụ đã cung cấp</translation>
    </message>
    <message>
      <source>Referral</source>
      <translation>Chuyển tuyến</translation>
    </message>
    <message>
      <source>Closure reason</source>
      <translation>Lý do kết thúc</translation>
    </message>
    <message>
      <source>Moved to another commune</source>
      <translation>Chuyển nơi ở sang xã/phường khác</translation>
    </message>
    <message>
      <source>due {when}</source>
      <translation>hạn {when}</translation>
    </message>
    <message>
      <source>waiting for approval since {when}</source>
      <translation>chờ phê duyệt từ {when}</translation>
    </message>
    <message>
      <source>referred to {facility} ({status})</source>
      <translation>chuyển tuyến tới {facility} ({status})</translation>
    </message>
    <message>
      <source>moved to {commune}</source>
      <translation>chuyển đến {commune}</translation>
    </message>
    <message>
      <source>came from {commune}</source>
      <translation>chuyển từ {commune}</translation>
    </message>
    <message>
      <source>Steps</source>
      <translation>Các bước</translation>
    </message>
    <message>
      <source>Services ({n})</source>
      <translation>Dịch vụ ({n})</translation>
    </message>
    <message>
      <source>e.g. 21/QĐ-UBND</source>
      <translation>ví dụ 21/QĐ-UBND</translation>
    </message>
    <message>
      <source>Full name of the chair who signed</source>
      <translation>Họ tên người ký quyết định</translation>
    </message>
    <message>
      <source>Record the approval</source>
      <translation>Ghi phê duyệt</translation>
    </message>
    <message>
      <source>Approval of “{step}” recorded.</source>
      <translation>Đã ghi phê duyệt bước «{step}».</translation>
    </message>
    <message>
      <source>“{step}” not approved: redo it and submit again.</source>
      <translation>Bước «{step}» không được phê duyệt: lập lại và trình lại.</translation>
    </message>
    <message>
      <source>Choose the commune the person moved to.</source>
      <translation>Hãy chọn xã/phường nơi đối tượng chuyển đến.</translation>
    </message>
    <message>
      <source>Step</source>
      <translation>Bước</translation>
    </message>
    <message>
      <source>Started</source>
      <translation>Bắt đầu</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>Hạn</translation>
    </message>
    <message>
      <source>Finished</source>
      <translation>Hoàn thành</translation>
    </message>
    <message>
      <source>Approval</source>
      <translation>Phê duyệt</translation>
    </message>
    <message>
      <source>Referrals ({n})</source>
      <translation>Chuyển tuyến ({n})</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Ngày</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>Dịch vụ</translation>
    </message>
    <message>
      <source>Facility</source>
      <translation>Cơ sở tiếp nhận</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Trạng thái</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Ghi chú</translation>
    </message>
    <message>
      <source>Decision no.</source>
      <translation>Số quyết định</translation>
    </message>
    <message>
      <source>Signed on</source>
      <translation>Ngày ký</translation>
    </message>
    <message>
      <source>Approved by</source>
      <translation>Người phê duyệt</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Lý do</translation>
    </message>
    <message>
      <source>Fill or open</source>
      <translation>Lập hoặc mở phiếu</translation>
    </message>
    <message>
      <source>Fill another of this form</source>
      <translation>Lập thêm một phiếu mẫu này</translation>
    </message>
    <message>
      <source>Save as PDF…</source>
      <translation>Lưu thành PDF…</translation>
    </message>
    <message>
      <source>Record a consent</source>
      <translation>Ghi nhận sự đồng ý</translation>
    </message>
    <message>
      <source>Record withdrawal (today)</source>
      <translation>Ghi nhận rút lại (hôm nay)</translation>
    </message>
    <message>
      <source>Any step</source>
      <translation>Bước bất kỳ</translation>
    </message>
    <message>
      <source>Form</source>
      <translation>Biểu mẫu</translation>
    </message>
    <message>
      <source>State</source>
      <translation>Tình trạng</translation>
    </message>
    <message>
      <source>Save as PDF</source>
      <translation>Lưu thành PDF</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Legal basis of processing</source>
      <translation>Cơ sở pháp lý xử lý dữ liệu</translation>
    </message>
    <message>
      <source>Consent still needed for “{purpose}” from: {who}.</source>
      <translation>Còn thiếu sự đồng ý cho «{purpose}» của: {who}.</translation>
    </message>
    <message>
      <source>Purpose</source>
      <translation>Mục đích</translation>
    </message>
    <message>
      <source>Signed by</source>
      <translation>Người ký</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Họ tên</translation>
    </message>
    <message>
      <source>Given on</source>
      <translation>Ngày đồng ý</translation>
    </message>
    <message>
      <source>Withdrawn on</source>
      <translation>Ngày rút lại</translation>
    </message>
    <message>
      <source>Not filled</source>
      <translation>Chưa lập</translation>
    </message>
    <message>
      <source>Filled</source>
      <translation>Đã lập</translation>
    </message>
    <message>
      <source>deleted</source>
      <translation>đã xóa</translation>
    </message>
    <message>
      <source>Conflicts</source>
      <translation>Xung đột</translation>
    </message>
    <message>
      <source>Two people changed the same thing without seeing each other's change. The value in force is the later one; choose which to keep, or write the right value.</source>
      <translation>Hai người đã sửa cùng một thông tin mà không thấy thay đổi của nhau. Giá trị đang dùng là bản sửa sau; hãy chọn giữ bản nào, hoặc nhập giá trị đúng.</translation>
    </message>
    <message>
      <source>Keep the value in force</source>
      <translation>Giữ giá trị đang dùng</translation>
    </message>
    <message>
      <source>Take the other value</source>
      <translation>Lấy giá trị kia</translation>
    </message>
    <message>
      <source>or write the right value</source>
      <translation>hoặc nhập giá trị đúng</translation>
    </message>
    <message>
      <source>Use this value</source>
      <translation>Dùng giá trị này</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>Bản ghi</translation>
    </message>
    <message>
      <source>Value in force</source>
      <translation>Giá trị đang dùng</translation>
    </message>
    <message>
      <source>By</source>
      <translation>Người sửa</translation>
    </message>
    <message>
      <source>Other value</source>
      <translation>Giá trị kia</translation>
    </message>
    <message>
      <source>deleted or kept</source>
      <translation>xóa hay giữ</translation>
    </message>
    <message>
      <source>Print…</source>
      <translation>In…</translation>
    </message>
    <message>
      <source>Import the roster from Excel</source>
      <translation>Nhập danh sách đội ngũ từ Excel</translation>
    </message>
    <message>
      <source>Import a beneficiary list from Excel</source>
      <translation>Nhập danh sách đối tượng từ Excel</translation>
    </message>
    <message>
      <source>Import a training class list from Excel</source>
      <translation>Nhập danh sách học viên lớp tập huấn từ Excel</translation>
    </message>
    <message>
      <source>Import the commune's allowance list from Excel</source>
      <translation>Nhập danh sách hưởng trợ cấp của xã từ Excel</translation>
    </message>
    <message>
      <source>Reading {file}…</source>
      <translation>Đang đọc {file}…</translation>
    </message>
    <message>
      <source>Preview</source>
      <translation>Xem trước</translation>
    </message>
    <message>
      <source>Values to map</source>
      <translation>Giá trị cần xếp</translation>
    </message>
    <message>
      <source>Columns</source>
      <translation>Cột</translation>
    </message>
    <message>
      <source>Converted text</source>
      <translation>Chữ đã chuyển bảng mã</translation>
    </message>
    <message>
      <source>Skip people already here</source>
      <translation>Bỏ qua người đã có</translation>
    </message>
    <message>
      <source>Merge them: fill in and update their details</source>
      <translation>Gộp: bổ sung và cập nhật thông tin của họ</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>Nhập</translation>
    </message>
    <message>
      <source>The course</source>
      <translation>Lớp học</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Tên lớp</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Loại lớp</translation>
    </message>
    <message>
      <source>Dates</source>
      <translation>Thời gian</translation>
    </message>
    <message>
      <source>Sheet “{sheet}”, header on row {row}.</source>
      <translation>Trang «{sheet}», dòng tiêu đề ở dòng {row}.</translation>
    </message>
    <message>
      <source>Values to map ({n})</source>
      <translation>Giá trị cần xếp ({n})</translation>
    </message>
    <message>
      <source>Converted text ({n})</source>
      <translation>Chữ đã chuyển bảng mã ({n})</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>Đang nhập…</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>Dòng</translation>
    </message>
    <message>
      <source>Date of birth</source>
      <translation>Ngày sinh</translation>
    </message>
    <message>
      <source>Citizen ID</source>
      <translation>Số CCCD</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>Kết quả</translation>
    </message>
    <message>
      <source>Column</source>
      <translation>Cột</translation>
    </message>
    <message>
      <source>Written in the file</source>
      <translation>Ghi trong tệp</translation>
    </message>
    <message>
      <source>Rows</source>
      <translation>Số dòng</translation>
    </message>
    <message>
      <source>Could be</source>
      <translation>Có thể là</translation>
    </message>
    <message>
      <source>Place it in</source>
      <translation>Xếp vào</translation>
    </message>
    <message>
      <source>Column in the file</source>
      <translation>Cột trong tệp</translation>
    </message>
    <message>
      <source>Goes into</source>
      <translation>Nhập vào trường</translation>
    </message>
    <message>
      <source>As typed (old encoding)</source>
      <translation>Như đã gõ (bảng mã cũ)</translation>
    </message>
    <message>
      <source>Reads as</source>
      <translation>Đọc thành</translation>
    </message>
    <message>
      <source>Apply these choices and check again</source>
      <translation>Áp dụng các lựa chọn và kiểm tra lại</translation>
    </message>
    <message>
      <source>Apply this mapping</source>
      <translation>Áp dụng cách ghép cột này</translation>
    </message>
    <message>
      <source>to</source>
      <translation>đến</translation>
    </message>
    <message>
      <source>The table ends at row {row} (signature block); nothing below it is read.</source>
      <translation>Bảng dừng ở dòng {row} (phần chữ ký); không đọc gì bên dưới.</translation>
    </message>
    <message>
      <source>{total} attendees: {found} on the roster will be recorded, {missing} not on the roster.</source>
      <translation>{total} học viên: {found} người có trong danh sách đội ngũ sẽ được ghi nhận, {missing} người không có trong danh sách.</translation>
    </message>
    <message>
      <source>{total} rows: {ok} new, {dup} already here.</source>
      <translation>{total} dòng: {ok} người mới, {dup} người đã có.</translation>
    </message>
    <message>
      <source>{bad} rows with problems will not be imported; a marked copy of the file will list why.</source>
      <translation>{bad} dòng có lỗi sẽ không được nhập; một bản sao của tệp sẽ ghi rõ lý do.</translation>
    </message>
    <message>
      <source>⚠ {n} rows below the signature block look like people's (from row {row}): they are not read. If they belong to the list, move the signature block below them.</source>
      <translation>⚠ {n} dòng bên dưới phần chữ ký trông như dữ liệu của người (từ dòng {row}): các dòng đó không được đọc. Nếu chúng thuộc danh sách, hãy chuyển phần chữ ký xuống dưới chúng.</translation>
    </message>
    <message>
      <source>{n} values could not be placed in a code list: those people go in with the text as written; choose a code for each under “Values to map”.</source>
      <translation>{n} giá trị chưa xếp được vào danh mục: những người đó vẫn được nhập, giữ nguyên chữ như trong tệp; hãy chọn mã cho từng giá trị ở thẻ «Giá trị cần xếp».</translation>
    </message>
    <message>
      <source>{n} cells typed in TCVN3 or VNI were converted.</source>
      <translation>Đã chuyển {n} ô gõ bằng bảng mã TCVN3 hoặc VNI sang Unicode.</translation>
    </message>
    <message>
      <source>Placed: {codes} ({score}% alike)</source>
      <translation>Đã tự xếp: {codes} (giống {score}%)</translation>
    </message>
    <message>
      <source>(do not import)</source>
      <translation>(không nhập)</translation>
    </message>
    <message>
      <source>Recorded {n} attendees in “{course}”; {missing} not on the roster; {bad} rows with problems.</source>
      <translation>Đã ghi nhận {n} học viên vào lớp «{course}»; {missing} người không có trong danh sách đội ngũ; {bad} dòng có lỗi.</translation>
    </message>
    <message>
      <source>Imported {imported}, merged {merged}, skipped {skipped}; {rejected} rows with problems.</source>
      <translation>Đã nhập {imported} người, gộp {merged}, bỏ qua {skipped}; {rejected} dòng có lỗi.</translation>
    </message>
    <message>
      <source>People already here (same citizen ID, or same name and birth date):</source>
      <translation>Người đã có (cùng số CCCD, hoặc cùng họ tên và ngày sinh):</translation>
    </message>
    <message>
      <source>{n} decisions written ({already} already in the register); {differ} figures differ from the clause and are kept as the list says: look at them in the register.</source>
      <translation>Đã ghi {n} quyết định hưởng ({already} đã có trong sổ); {differ} số liệu khác với diện hưởng và được giữ như danh sách: hãy xem lại trong sổ theo dõi.</translation>
    </message>
    <message>
      <source>{n} people have values still to map: they are listed under To do.</source>
      <translation>{n} người còn giá trị cần xếp vào danh mục: xem ở trang Việc cần làm.</translation>
    </message>
    <message>
      <source>The rows with problems are marked in a copy of your file: {path}</source>
      <translation>Các dòng có lỗi được đánh dấu trong bản sao của tệp: {path}</translation>
    </message>
    <message>
      <source>On the roster: {name} ({why})</source>
      <translation>Có trong danh sách đội ngũ: {name} ({why})</translation>
    </message>
    <message>
      <source>Ready; to map: {values}</source>
      <translation>Hợp lệ; cần xếp: {values}</translation>
    </message>
    <message>
      <source>Already here: {name} ({why}); the decision goes on her record</source>
      <translation>Đã có: {name} ({why}); quyết định được ghi vào hồ sơ người này</translation>
    </message>
    <message>
      <source>Already here: {name} ({why})</source>
      <translation>Đã có: {name} ({why})</translation>
    </message>
    <message>
      <source>Ready</source>
      <translation>Hợp lệ</translation>
    </message>
    <message>
      <source>Not on the roster: not recorded</source>
      <translation>Không có trong danh sách đội ngũ: không ghi nhận</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>Tên đăng nhập</translation>
    </message>
    <message>
      <source>Passphrase</source>
      <translation>Mật khẩu</translation>
    </message>
    <message>
      <source>Sign in</source>
      <translation>Đăng nhập</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>Thoát</translation>
    </message>
    <message>
      <source>Locked — CTXH Desk</source>
      <translation>Đã khóa — CTXH Desk</translation>
    </message>
    <message>
      <source>Sign in — CTXH Desk</source>
      <translation>Đăng nhập — CTXH Desk</translation>
    </message>
    <message>
      <source>CTXH Desk is locked</source>
      <translation>CTXH Desk đang khóa</translation>
    </message>
    <message>
      <source>The data on this laptop is encrypted. Your passphrase unlocks it.</source>
      <translation>Dữ liệu trên máy này được mã hóa. Mật khẩu của bạn mở khóa dữ liệu.</translation>
    </message>
    <message>
      <source>Locked after a pause, to protect the records. Type your passphrase to go on; nothing you were doing is lost.</source>
      <translation>Đã tự khóa sau một lúc không dùng, để bảo vệ hồ sơ. Nhập mật khẩu để làm tiếp; việc đang làm dở vẫn còn nguyên.</translation>
    </message>
    <message>
      <source>the program (import or upgrade)</source>
      <translation>chương trình (nhập danh sách hoặc nâng cấp)</translation>
    </message>
    <message>
      <source>Roster member</source>
      <translation>Hồ sơ cán bộ, cộng tác viên</translation>
    </message>
    <message>
      <source>trained in social work</source>
      <translation>đã qua đào tạo CTXH</translation>
    </message>
    <message>
      <source>not yet trained in social work</source>
      <translation>chưa qua đào tạo CTXH</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Thông tin</translation>
    </message>
    <message>
      <source>Training ({n})</source>
      <translation>Tập huấn ({n})</translation>
    </message>
    <message>
      <source>Allowance ({n})</source>
      <translation>Phụ cấp ({n})</translation>
    </message>
    <message>
      <source>Cases managed ({n})</source>
      <translation>Hồ sơ phụ trách ({n})</translation>
    </message>
    <message>
      <source>Change history</source>
      <translation>Lịch sử thay đổi</translation>
    </message>
    <message>
      <source>e.g. 2530000</source>
      <translation>ví dụ: 2530000</translation>
    </message>
    <message>
      <source>Record allowance</source>
      <translation>Ghi phụ cấp</translation>
    </message>
    <message>
      <source>Base salary in force: {amount}</source>
      <translation>Mức lương cơ sở hiện hành: {amount}</translation>
    </message>
    <message>
      <source>Amount per month</source>
      <translation>Mức hằng tháng</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Từ ngày</translation>
    </message>
    <message>
      <source>Course</source>
      <translation>Tên lớp</translation>
    </message>
    <message>
      <source>Hours</source>
      <translation>Số giờ</translation>
    </message>
    <message>
      <source>Case no.</source>
      <translation>Mã hồ sơ</translation>
    </message>
    <message>
      <source>Opened on</source>
      <translation>Ngày tiếp nhận</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Người thực hiện</translation>
    </message>
    <message>
      <source>What changed</source>
      <translation>Nội dung thay đổi</translation>
    </message>
    <message>
      <source>Until</source>
      <translation>Đến ngày</translation>
    </message>
    <message>
      <source>created</source>
      <translation>tạo mới</translation>
    </message>
    <message>
      <source>Place values kept as written</source>
      <translation>Xếp các giá trị đang giữ nguyên như trong tệp</translation>
    </message>
    <message>
      <source>{name}: choose a code for each value. The choice is applied to everyone whose list said the same, and remembered for the next import.</source>
      <translation>{name}: chọn mã cho từng giá trị. Lựa chọn được áp dụng cho mọi người có cùng giá trị trong danh sách, và được nhớ cho lần nhập sau.</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>Áp dụng</translation>
    </message>
    <message>
      <source>Check a printed paper</source>
      <translation>Kiểm tra bản in</translation>
    </message>
    <message>
      <source>Photograph or scan the printed form or report, with the check code at the foot of the page, then open the picture here. The code says whether the paper was printed by a commune's laptop and whether the record still says the same.</source>
      <translation>Chụp ảnh hoặc quét biểu mẫu, báo cáo đã in, có cả mã kiểm tra ở cuối trang, rồi mở ảnh ở đây. Mã cho biết bản giấy có đúng do máy của xã in ra không và hồ sơ hiện nay có còn ghi như vậy không.</translation>
    </message>
    <message>
      <source>Open a photo or scan…</source>
      <translation>Mở ảnh chụp hoặc bản quét…</translation>
    </message>
    <message>
      <source>Paste the picture</source>
      <translation>Dán ảnh</translation>
    </message>
    <message>
      <source>The record as it prints now — lay it beside the paper:</source>
      <translation>Hồ sơ nếu in ra bây giờ — đặt cạnh bản giấy để so:</translation>
    </message>
    <message>
      <source>Choose the photo or scan of the paper</source>
      <translation>Chọn ảnh chụp hoặc bản quét của bản in</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>Đang kiểm tra…</translation>
    </message>
    <message>
      <source>Now</source>
      <translation>Hiện nay</translation>
    </message>
    <message>
      <source>There is no picture on the clipboard.</source>
      <translation>Không có ảnh trong bộ nhớ tạm.</translation>
    </message>
    <message>
      <source>{n} check codes were found in the picture; the first is shown.</source>
      <translation>Tìm thấy {n} mã kiểm tra trong ảnh; đang hiện mã đầu tiên.</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Lưu</translation>
    </message>
    <message>
      <source>Save (Ctrl+S)</source>
      <translation>Lưu (Ctrl+S)</translation>
    </message>
    <message>
      <source>Please correct {count} field(s) marked in red.</source>
      <translation>Vui lòng sửa {count} trường được đánh dấu màu đỏ.</translation>
    </message>
    <message>
      <source>Set up CTXH Desk</source>
      <translation>Thiết lập CTXH Desk</translation>
    </message>
    <message>
      <source>Welcome. Choose the commune this laptop works for, name the laptop, and create the first officer account. Data stays on this laptop.</source>
      <translation>Xin chào. Hãy chọn xã/phường mà máy này phục vụ, đặt tên cho máy và tạo tài khoản cán bộ đầu tiên. Dữ liệu được lưu trên chính máy này.</translation>
    </message>
    <message>
      <source>Type to find a province (e.g. ha noi)</source>
      <translation>Gõ để tìm tỉnh/thành (ví dụ: ha noi)</translation>
    </message>
    <message>
      <source>Type to find a commune or ward</source>
      <translation>Gõ để tìm xã/phường</translation>
    </message>
    <message>
      <source>e.g. nguyenvana</source>
      <translation>ví dụ: nguyenvana</translation>
    </message>
    <message>
      <source>Laptop name</source>
      <translation>Tên máy</translation>
    </message>
    <message>
      <source>Passphrase (10+ characters, or four words)</source>
      <translation>Mật khẩu (từ 10 ký tự, hoặc bốn từ)</translation>
    </message>
    <message>
      <source>Repeat passphrase</source>
      <translation>Nhập lại mật khẩu</translation>
    </message>
    <message>
      <source>Create profile</source>
      <translation>Tạo hồ sơ</translation>
    </message>
    <message>
      <source>Province / city</source>
      <translation>Tỉnh / thành phố</translation>
    </message>
    <message>
      <source>Commune / ward</source>
      <translation>Xã / phường / đặc khu</translation>
    </message>
    <message>
      <source>Choose the province and the commune.</source>
      <translation>Hãy chọn tỉnh/thành và xã/phường.</translation>
    </message>
    <message>
      <source>The two passphrases differ.</source>
      <translation>Hai lần nhập mật khẩu không khớp.</translation>
    </message>
    <message>
      <source>About CTXH Desk</source>
      <translation>Giới thiệu CTXH Desk</translation>
    </message>
    <message>
      <source>Social-work staff, cases and the social-allowance list of a commune, kept on this laptop, encrypted, and sent to the province by USB stick or e-mail.</source>
      <translation>Đội ngũ công tác xã hội, hồ sơ đối tượng và danh sách chi trả trợ cấp xã hội của xã/phường, lưu trên máy này, được mã hóa, gửi tỉnh bằng USB hoặc thư điện tử.</translation>
    </message>
    <message>
      <source>Your data is in the profile folder shown in Settings › This laptop, never in the program folder: installing a new version or uninstalling leaves it as it is.</source>
      <translation>Dữ liệu nằm trong thư mục hồ sơ ghi ở Cài đặt › Máy này, không nằm trong thư mục chương trình: cài phiên bản mới hay gỡ chương trình đều không động đến dữ liệu.</translation>
    </message>
    <message>
      <source>User guide — CTXH Desk</source>
      <translation>Hướng dẫn sử dụng — CTXH Desk</translation>
    </message>
    <message>
      <source>Overview</source>
      <translation>Tổng quan</translation>
    </message>
    <message>
      <source>To do</source>
      <translation>Việc cần làm</translation>
    </message>
    <message>
      <source>Collaborators</source>
      <translation>Cộng tác viên</translation>
    </message>
    <message>
      <source>Beneficiaries &amp; cases</source>
      <translation>Đối tượng &amp; hồ sơ</translation>
    </message>
    <message>
      <source>Social allowances</source>
      <translation>Trợ cấp xã hội</translation>
    </message>
    <message>
      <source>People in two communes</source>
      <translation>Người có ở hai xã</translation>
    </message>
    <message>
      <source>Training</source>
      <translation>Tập huấn</translation>
    </message>
    <message>
      <source>Reports</source>
      <translation>Báo cáo</translation>
    </message>
    <message>
      <source>Sync</source>
      <translation>Đồng bộ</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>Cài đặt</translation>
    </message>
    <message>
      <source>Communes</source>
      <translation>Các xã</translation>
    </message>
    <message>
      <source>Bundles received</source>
      <translation>Gói đã nhận</translation>
    </message>
    <message>
      <source>Laptops</source>
      <translation>Máy đã đăng ký</translation>
    </message>
    <message>
      <source>Opening the data…</source>
      <translation>Đang mở dữ liệu…</translation>
    </message>
    <message>
      <source>CTXH Desk is locked. Sign in to go on: nothing you were doing is lost.</source>
      <translation>CTXH Desk đang khóa. Đăng nhập để làm tiếp: việc đang làm dở vẫn còn nguyên.</translation>
    </message>
    <message>
      <source>User guide (F1)</source>
      <translation>Hướng dẫn (F1)</translation>
    </message>
    <message>
      <source>How to do each thing, with pictures: opens at the page in view</source>
      <translation>Cách làm từng việc, có hình minh họa: mở đúng phần của trang đang xem</translation>
    </message>
    <message>
      <source>{commune} — signed in as {user}</source>
      <translation>{commune} — đang đăng nhập: {user}</translation>
    </message>
    <message>
      <source>Working…</source>
      <translation>Đang xử lý…</translation>
    </message>
    <message>
      <source>This laptop's data has never been backed up onto a USB stick or another disk: Settings › Back up to a folder or USB stick.</source>
      <translation>Dữ liệu của máy này chưa từng được sao lưu ra USB hay ổ đĩa khác: vào Cài đặt › Sao lưu vào thư mục hoặc USB.</translation>
    </message>
    <message>
      <source>The last backup onto a USB stick or another disk is {days} days old: Settings › Back up to a folder or USB stick.</source>
      <translation>Lần sao lưu ra USB hay ổ đĩa khác gần nhất đã {days} ngày: vào Cài đặt › Sao lưu vào thư mục hoặc USB.</translation>
    </message>
    <message>
      <source>Add an account</source>
      <translation>Thêm tài khoản</translation>
    </message>
    <message>
      <source>— nobody —</source>
      <translation>— không ai —</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Vai trò</translation>
    </message>
    <message>
      <source>Passphrase again</source>
      <translation>Nhập lại mật khẩu</translation>
    </message>
    <message>
      <source>At least 10 characters, or four words. A collaborator sees only the cases assigned to them.</source>
      <translation>Ít nhất 10 ký tự, hoặc bốn từ. Cộng tác viên chỉ thấy các hồ sơ được giao cho mình.</translation>
    </message>
    <message>
      <source>New passphrase</source>
      <translation>Mật khẩu mới</translation>
    </message>
    <message>
      <source>New passphrase again</source>
      <translation>Nhập lại mật khẩu mới</translation>
    </message>
    <message>
      <source>Recover a laptop's profile</source>
      <translation>Khôi phục hồ sơ máy xã</translation>
    </message>
    <message>
      <source>The recovery sheet opens the laptop's key; the account gets the new passphrase. The laptop's data and history stay as they are, and the recovery is noted in its audit trail.</source>
      <translation>Phiếu khôi phục mở được khóa của máy xã; tài khoản nhận mật khẩu mới. Dữ liệu và lịch sử của máy giữ nguyên, việc khôi phục được ghi vào nhật ký truy cập của máy.</translation>
    </message>
    <message>
      <source>Add an account…</source>
      <translation>Thêm tài khoản…</translation>
    </message>
    <message>
      <source>Set a new passphrase…</source>
      <translation>Đặt mật khẩu mới…</translation>
    </message>
    <message>
      <source>Deactivate</source>
      <translation>Khóa tài khoản</translation>
    </message>
    <message>
      <source>Change my passphrase…</source>
      <translation>Đổi mật khẩu của tôi…</translation>
    </message>
    <message>
      <source>Lock now</source>
      <translation>Khóa ngay</translation>
    </message>
    <message>
      <source>Sign out</source>
      <translation>Đăng xuất</translation>
    </message>
    <message>
      <source>Each passphrase unlocks this laptop's encrypted data. A deactivated account can no longer sign in; its history stays.</source>
      <translation>Mỗi mật khẩu mở được dữ liệu đã mã hóa của máy này. Tài khoản đã khóa không đăng nhập được nữa; lịch sử của nó vẫn được giữ.</translation>
    </message>
    <message>
      <source>Administrator</source>
      <translation>Quản trị</translation>
    </message>
    <message>
      <source>Social-work officer</source>
      <translation>Cán bộ CTXH</translation>
    </message>
    <message>
      <source>Approver (chair)</source>
      <translation>Người phê duyệt (chủ tịch)</translation>
    </message>
    <message>
      <source>Collaborator</source>
      <translation>Cộng tác viên</translation>
    </message>
    <message>
      <source>Viewer (read only)</source>
      <translation>Chỉ xem</translation>
    </message>
    <message>
      <source>The two passphrases typed do not match.</source>
      <translation>Hai lần nhập mật khẩu không khớp.</translation>
    </message>
    <message>
      <source>Change my passphrase</source>
      <translation>Đổi mật khẩu của tôi</translation>
    </message>
    <message>
      <source>New passphrase for {user}</source>
      <translation>Mật khẩu mới cho {user}</translation>
    </message>
    <message>
      <source>Current passphrase</source>
      <translation>Mật khẩu hiện tại</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Chọn…</translation>
    </message>
    <message>
      <source>Laptop's profile folder</source>
      <translation>Thư mục hồ sơ của máy xã</translation>
    </message>
    <message>
      <source>Recovery sheet</source>
      <translation>Phiếu khôi phục</translation>
    </message>
    <message>
      <source>Recovered: {user} signs in on that laptop with the new passphrase.</source>
      <translation>Đã khôi phục: {user} đăng nhập máy đó bằng mật khẩu mới.</translation>
    </message>
    <message>
      <source>Accounts are managed by the administrator of this laptop.</source>
      <translation>Tài khoản do người quản trị của máy này quản lý.</translation>
    </message>
    <message>
      <source>Accounts</source>
      <translation>Tài khoản</translation>
    </message>
    <message>
      <source>{user} has a new passphrase.</source>
      <translation>{user} đã có mật khẩu mới.</translation>
    </message>
    <message>
      <source>Deactivate the account {user}? It will no longer be able to sign in.</source>
      <translation>Khóa tài khoản {user}? Tài khoản sẽ không đăng nhập được nữa.</translation>
    </message>
    <message>
      <source>active</source>
      <translation>đang dùng</translation>
    </message>
    <message>
      <source>deactivated</source>
      <translation>đã khóa</translation>
    </message>
    <message>
      <source>The decision's coefficient is not the clause's</source>
      <translation>Hệ số trong quyết định khác hệ số theo diện hưởng</translation>
    </message>
    <message>
      <source>Birth date needed to tell the coefficient</source>
      <translation>Cần ngày sinh để xác định hệ số</translation>
    </message>
    <message>
      <source>Not paid: another group of hers pays more (highest only)</source>
      <translation>Không chi: diện khác của người này cao hơn (chỉ hưởng mức cao nhất)</translation>
    </message>
    <message>
      <source>Ended</source>
      <translation>Đã thôi hưởng</translation>
    </message>
    <message>
      <source>Not yet paid this month</source>
      <translation>Chưa hưởng trong tháng này</translation>
    </message>
    <message>
      <source>Decision</source>
      <translation>Quyết định</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>Người hưởng</translation>
    </message>
    <message>
      <source>See what it changes…</source>
      <translation>Xem thay đổi…</translation>
    </message>
    <message>
      <source>Clause (ND 20/2021)</source>
      <translation>Diện hưởng (NĐ 20/2021)</translation>
    </message>
    <message>
      <source>Coefficient</source>
      <translation>Hệ số</translation>
    </message>
    <message>
      <source>Amount (đ)</source>
      <translation>Số tiền (đ)</translation>
    </message>
    <message>
      <source>Look at</source>
      <translation>Cần xem</translation>
    </message>
    <message>
      <source>Paid from</source>
      <translation>Hưởng từ tháng</translation>
    </message>
    <message>
      <source>Last month paid</source>
      <translation>Tháng cuối được hưởng</translation>
    </message>
    <message>
      <source>{month}: standard {standard} đ. Monthly allowance {allowance} đ, care support {care} đ; {paid} people paid, {decisions} decisions in the register.</source>
      <translation>Tháng {month}: mức chuẩn {standard} đ. Trợ cấp hằng tháng {allowance} đ, hỗ trợ chăm sóc {care} đ; {paid} người được chi trả, {decisions} quyết định trong sổ.</translation>
    </message>
    <message>
      <source>End the decision</source>
      <translation>Thôi hưởng</translation>
    </message>
    <message>
      <source>Why it ended</source>
      <translation>Lý do thôi hưởng</translation>
    </message>
    <message>
      <source>The commune's allowance list</source>
      <translation>Danh sách hưởng trợ cấp của xã</translation>
    </message>
    <message>
      <source>Spreadsheets (*.xlsx *.xls *.xlsb *.ods)</source>
      <translation>Bảng tính (*.xlsx *.xls *.xlsb *.ods)</translation>
    </message>
    <message>
      <source>Save the month's payment list</source>
      <translation>Lưu danh sách chi trả của tháng</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx);;PDF (*.pdf)</source>
      <translation>Sổ tính Excel (*.xlsx);;PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Writing the payment list…</source>
      <translation>Đang lập danh sách chi trả…</translation>
    </message>
    <message>
      <source>What the new standard changes</source>
      <translation>Mức chuẩn mới thay đổi những gì</translation>
    </message>
    <message>
      <source>Accept the new standard</source>
      <translation>Chấp nhận mức chuẩn mới</translation>
    </message>
    <message>
      <source>Not now</source>
      <translation>Để sau</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>Tháng</translation>
    </message>
    <message>
      <source>Add a person…</source>
      <translation>Thêm người hưởng…</translation>
    </message>
    <message>
      <source>Another decision for her…</source>
      <translation>Thêm quyết định cho người này…</translation>
    </message>
    <message>
      <source>End the decision…</source>
      <translation>Thôi hưởng…</translation>
    </message>
    <message>
      <source>Import the commune's list…</source>
      <translation>Nhập danh sách của xã…</translation>
    </message>
    <message>
      <source>Payment list…</source>
      <translation>Danh sách chi trả…</translation>
    </message>
    <message>
      <source>Print the payment list</source>
      <translation>In danh sách chi trả</translation>
    </message>
    <message>
      <source>A new standard has arrived: {value} đ from {day}. The register keeps paying the one you accepted until you have seen what it changes.</source>
      <translation>Có mức chuẩn mới: {value} đ từ {day}. Sổ vẫn chi trả theo mức chuẩn đã chấp nhận cho đến khi anh/chị xem những gì thay đổi.</translation>
    </message>
    <message>
      <source>Choose a line of the register first.</source>
      <translation>Hãy chọn một dòng trong sổ trước.</translation>
    </message>
    <message>
      <source>{name}: {clause}</source>
      <translation>{name}: {clause}</translation>
    </message>
    <message>
      <source>{people} people are paid differently (the next twelve months). Nothing changes until you accept.</source>
      <translation>{people} người được chi trả khác đi (trong mười hai tháng tới). Chưa có gì thay đổi cho đến khi anh/chị chấp nhận.</translation>
    </message>
    <message>
      <source>From month</source>
      <translation>Từ tháng</translation>
    </message>
    <message>
      <source>Months</source>
      <translation>Số tháng</translation>
    </message>
    <message>
      <source>Amount now</source>
      <translation>Số tiền hiện nay</translation>
    </message>
    <message>
      <source>Amount after</source>
      <translation>Số tiền mới</translation>
    </message>
    <message>
      <source>The first month paid (the month the chair signed, usually)</source>
      <translation>Tháng đầu tiên được chi trả (thường là tháng Chủ tịch ký quyết định)</translation>
    </message>
    <message>
      <source>Only if the decision writes another than the clause's</source>
      <translation>Chỉ ghi khi quyết định ghi hệ số khác hệ số của diện hưởng</translation>
    </message>
    <message>
      <source>Single parent in a poor household (Art. 5 cl. 4): the number of children she raises</source>
      <translation>Người đơn thân nuôi con thuộc hộ nghèo (khoản 4 Điều 5): số con đang nuôi</translation>
    </message>
    <message>
      <source>Care support: who receives it</source>
      <translation>Hỗ trợ chăm sóc: người nhận</translation>
    </message>
    <message>
      <source>Add a person to the allowance list</source>
      <translation>Thêm người vào danh sách hưởng trợ cấp</translation>
    </message>
    <message>
      <source>Another decision for {name}</source>
      <translation>Thêm quyết định cho {name}</translation>
    </message>
    <message>
      <source>{n} new standard(s) accepted.</source>
      <translation>Đã chấp nhận {n} mức chuẩn mới.</translation>
    </message>
    <message>
      <source>Saved to {path}: allowance {allowance} đ, care support {care} đ; {up} increases, {down} decreases, {adjusted} adjusted.</source>
      <translation>Đã lưu {path}: trợ cấp {allowance} đ, hỗ trợ chăm sóc {care} đ; tăng {up}, giảm {down}, điều chỉnh {adjusted}.</translation>
    </message>
    <message>
      <source>Signed in</source>
      <translation>Đăng nhập</translation>
    </message>
    <message>
      <source>Wrong passphrase</source>
      <translation>Sai mật khẩu</translation>
    </message>
    <message>
      <source>Locked out</source>
      <translation>Tạm khóa do sai nhiều lần</translation>
    </message>
    <message>
      <source>Unlocked</source>
      <translation>Mở khóa</translation>
    </message>
    <message>
      <source>Locked</source>
      <translation>Khóa</translation>
    </message>
    <message>
      <source>Locked (idle)</source>
      <translation>Tự khóa (không dùng)</translation>
    </message>
    <message>
      <source>Signed out</source>
      <translation>Đăng xuất</translation>
    </message>
    <message>
      <source>Viewed a case</source>
      <translation>Xem hồ sơ</translation>
    </message>
    <message>
      <source>Viewed a person's page</source>
      <translation>Xem trang cá nhân</translation>
    </message>
    <message>
      <source>Printed a form</source>
      <translation>In biểu mẫu</translation>
    </message>
    <message>
      <source>Exported to Excel</source>
      <translation>Xuất Excel</translation>
    </message>
    <message>
      <source>Imported a list</source>
      <translation>Nhập danh sách</translation>
    </message>
    <message>
      <source>Backup</source>
      <translation>Sao lưu</translation>
    </message>
    <message>
      <source>Daily backup</source>
      <translation>Sao lưu hằng ngày</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>Khôi phục</translation>
    </message>
    <message>
      <source>Recovery by the province</source>
      <translation>Tỉnh khôi phục</translation>
    </message>
    <message>
      <source>Sent a bundle</source>
      <translation>Xuất gói đồng bộ</translation>
    </message>
    <message>
      <source>Received bundles</source>
      <translation>Nhập gói đồng bộ</translation>
    </message>
    <message>
      <source>Account added</source>
      <translation>Thêm tài khoản</translation>
    </message>
    <message>
      <source>Account deactivated</source>
      <translation>Khóa tài khoản</translation>
    </message>
    <message>
      <source>Passphrase reset</source>
      <translation>Đặt lại mật khẩu</translation>
    </message>
    <message>
      <source>Passphrase changed</source>
      <translation>Đổi mật khẩu</translation>
    </message>
    <message>
      <source>case {number}</source>
      <translation>hồ sơ {number}</translation>
    </message>
    <message>
      <source>roster member {id}</source>
      <translation>người trong đội ngũ {id}</translation>
    </message>
    <message>
      <source>account {user}</source>
      <translation>tài khoản {user}</translation>
    </message>
    <message>
      <source>form {code}</source>
      <translation>biểu mẫu {code}</translation>
    </message>
    <message>
      <source>wrong try no. {n} in a row</source>
      <translation>lần sai thứ {n} liên tiếp</translation>
    </message>
    <message>
      <source>must wait {seconds} seconds</source>
      <translation>phải chờ {seconds} giây</translation>
    </message>
    <message>
      <source>Everything</source>
      <translation>Tất cả</translation>
    </message>
    <message>
      <source>user name</source>
      <translation>tên đăng nhập</translation>
    </message>
    <message>
      <source>Show</source>
      <translation>Xem</translation>
    </message>
    <message>
      <source>Export to Excel…</source>
      <translation>Xuất ra Excel…</translation>
    </message>
    <message>
      <source>Export the audit trail</source>
      <translation>Xuất nhật ký truy cập</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>Số</translation>
    </message>
    <message>
      <source>When (UTC)</source>
      <translation>Thời điểm (UTC)</translation>
    </message>
    <message>
      <source>User</source>
      <translation>Người dùng</translation>
    </message>
    <message>
      <source>What</source>
      <translation>Việc</translation>
    </message>
    <message>
      <source>What:</source>
      <translation>Việc:</translation>
    </message>
    <message>
      <source>Who:</source>
      <translation>Người:</translation>
    </message>
    <message>
      <source>The trail is intact: every entry is chained to the one before it.</source>
      <translation>Nhật ký nguyên vẹn: mỗi mục được nối với mục trước nó.</translation>
    </message>
    <message>
      <source>The trail was tampered with: entry {seq} does not match ({why}).</source>
      <translation>Nhật ký đã bị sửa: mục {seq} không khớp ({why}).</translation>
    </message>
    <message>
      <source>Audit trail</source>
      <translation>Nhật ký truy cập</translation>
    </message>
    <message>
      <source>{count} entries written to {path}. The file contains personal data: keep it safe.</source>
      <translation>Đã ghi {count} mục vào {path}. Tệp có dữ liệu cá nhân: hãy cất giữ cẩn thận.</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>Mọi trạng thái</translation>
    </message>
    <message>
      <source>All steps</source>
      <translation>Mọi bước</translation>
    </message>
    <message>
      <source>All groups</source>
      <translation>Mọi nhóm đối tượng</translation>
    </message>
    <message>
      <source>Any case manager</source>
      <translation>Mọi người phụ trách</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>Quá hạn</translation>
    </message>
    <message>
      <source>Saved filters…</source>
      <translation>Bộ lọc đã lưu…</translation>
    </message>
    <message>
      <source>Save filter</source>
      <translation>Lưu bộ lọc</translation>
    </message>
    <message>
      <source>Forget</source>
      <translation>Bỏ bộ lọc này</translation>
    </message>
    <message>
      <source>Name of this filter:</source>
      <translation>Tên bộ lọc:</translation>
    </message>
    <message>
      <source>Forget the saved filter chosen beside it</source>
      <translation>Bỏ bộ lọc đã lưu đang chọn bên cạnh</translation>
    </message>
    <message>
      <source>No filter saved yet: set some filters, then “Save filter”</source>
      <translation>Chưa lưu bộ lọc nào: chọn điều kiện lọc rồi bấm «Lưu bộ lọc»</translation>
    </message>
    <message>
      <source>Nobody yet</source>
      <translation>Chưa giao ai</translation>
    </message>
    <message>
      <source>The person</source>
      <translation>Thông tin đối tượng</translation>
    </message>
    <message>
      <source>The case</source>
      <translation>Thông tin hồ sơ</translation>
    </message>
    <message>
      <source>Beneficiaries and cases</source>
      <translation>Đối tượng và hồ sơ</translation>
    </message>
    <message>
      <source>Case page</source>
      <translation>Trang hồ sơ</translation>
    </message>
    <message>
      <source>Import Excel…</source>
      <translation>Nhập Excel…</translation>
    </message>
    <message>
      <source>Bring in a beneficiary list the commune keeps: each new person gets a case</source>
      <translation>Nhập danh sách đối tượng xã đang quản lý: mỗi người mới được mở một hồ sơ</translation>
    </message>
    <message>
      <source>Select a row of the list first</source>
      <translation>Hãy chọn một dòng trong danh sách trước</translation>
    </message>
    <message>
      <source>Choose the beneficiary list</source>
      <translation>Chọn tệp danh sách đối tượng</translation>
    </message>
    <message>
      <source>Spreadsheets ({patterns})</source>
      <translation>Bảng tính ({patterns})</translation>
    </message>
    <message>
      <source>New case (intake)</source>
      <translation>Tiếp nhận hồ sơ mới</translation>
    </message>
    <message>
      <source>This person may already be here</source>
      <translation>Người này có thể đã có trong danh sách</translation>
    </message>
    <message>
      <source>Open the existing case rather than making a second person?</source>
      <translation>Mở hồ sơ đã có thay vì tạo thêm một người nữa?</translation>
    </message>
    <message>
      <source>A different person: save as new</source>
      <translation>Người khác: lưu thành người mới</translation>
    </message>
    <message>
      <source>Back to the form</source>
      <translation>Quay lại biểu mẫu</translation>
    </message>
    <message>
      <source>Deleted case {case_no} ({name}).</source>
      <translation>Đã xóa hồ sơ {case_no} ({name}).</translation>
    </message>
    <message>
      <source>Target group</source>
      <translation>Nhóm đối tượng</translation>
    </message>
    <message>
      <source>Process</source>
      <translation>Quy trình</translation>
    </message>
    <message>
      <source>Case manager</source>
      <translation>Người phụ trách</translation>
    </message>
    <message>
      <source>No cases yet. Press “Add” to record the intake of a person in difficulty.</source>
      <translation>Chưa có hồ sơ nào. Bấm «Thêm» để tiếp nhận một người có hoàn cảnh khó khăn.</translation>
    </message>
    <message>
      <source>Search by name, case no., citizen ID or phone (diacritics optional)…</source>
      <translation>Tìm theo tên, mã hồ sơ, CCCD hoặc số điện thoại (gõ có dấu hay không dấu đều được)…</translation>
    </message>
    <message>
      <source>Open the case's page: its steps, forms, notes and timeline (Enter)</source>
      <translation>Mở trang hồ sơ: các bước, biểu mẫu, ghi chép và diễn biến (Enter)</translation>
    </message>
    <message>
      <source>Case {case_no}</source>
      <translation>Hồ sơ {case_no}</translation>
    </message>
    <message>
      <source>same citizen ID</source>
      <translation>trùng số CCCD</translation>
    </message>
    <message>
      <source>same name and date of birth</source>
      <translation>trùng họ tên và ngày sinh</translation>
    </message>
    <message>
      <source>A person already on the list looks like the one you are taking in:</source>
      <translation>Người đang tiếp nhận giống một người đã có trong danh sách:</translation>
    </message>
    <message>
      <source>⚠ {laptop}: {reason}</source>
      <translation>⚠ {laptop}: {reason}</translation>
    </message>
    <message>
      <source>{n} conflict(s) in the province's data.</source>
      <translation>{n} xung đột trong dữ liệu của tỉnh.</translation>
    </message>
    <message>
      <source>Import a folder of bundles…</source>
      <translation>Nhập thư mục gói…</translation>
    </message>
    <message>
      <source>Write bundles back to the laptops…</source>
      <translation>Ghi gói trả về các máy xã…</translation>
    </message>
    <message>
      <source>Province report…</source>
      <translation>Báo cáo toàn tỉnh…</translation>
    </message>
    <message>
      <source>Report of the chosen commune…</source>
      <translation>Báo cáo của xã đã chọn…</translation>
    </message>
    <message>
      <source>Check a printed paper…</source>
      <translation>Kiểm tra bản in…</translation>
    </message>
    <message>
      <source>Is a signed paper from a commune genuine, and does it still match the record? Open a photo or scan of it</source>
      <translation>Bản giấy có chữ ký gửi từ xã có đúng bản gốc và còn khớp hồ sơ không? Mở ảnh chụp hoặc bản quét của nó</translation>
    </message>
    <message>
      <source>Report of the chosen commune</source>
      <translation>Báo cáo của xã đã chọn</translation>
    </message>
    <message>
      <source>Excel workbooks (*.xlsx)</source>
      <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
      <source>Folder of bundles</source>
      <translation>Thư mục chứa gói</translation>
    </message>
    <message>
      <source>{files} file(s), {refused} refused; {received} changes: {applied} applied, {superseded} older, {waiting} waiting, {duplicate} already here; {conflicts} conflict(s).</source>
      <translation>{files} tệp, {refused} bị từ chối; {received} thay đổi: áp dụng {applied}, cũ hơn {superseded}, chờ {waiting}, đã có {duplicate}; {conflicts} xung đột.</translation>
    </message>
    <message>
      <source>Where to write the bundles</source>
      <translation>Nơi ghi các gói</translation>
    </message>
    <message>
      <source>Province report</source>
      <translation>Báo cáo toàn tỉnh</translation>
    </message>
    <message>
      <source>{n} bundle(s), {refused} quarantined.</source>
      <translation>{n} gói, {refused} gói bị cách ly.</translation>
    </message>
    <message>
      <source>Enrol a laptop from its card…</source>
      <translation>Đăng ký máy từ thẻ…</translation>
    </message>
    <message>
      <source>Revoke the selected laptop</source>
      <translation>Thu hồi máy đang chọn</translation>
    </message>
    <message>
      <source>Recover a laptop's profile…</source>
      <translation>Khôi phục hồ sơ máy xã…</translation>
    </message>
    <message>
      <source>Laptop card</source>
      <translation>Thẻ của máy xã</translation>
    </message>
    <message>
      <source>Enrol a laptop</source>
      <translation>Đăng ký máy</translation>
    </message>
    <message>
      <source>Read this fingerprint aloud with the commune officer on the phone:

{fp}

Does it match theirs?</source>
      <translation>Đọc dấu vân tay này qua điện thoại cùng cán bộ xã:

{fp}

Có khớp với máy của họ không?</translation>
    </message>
    <message>
      <source>Where to write the laptop's certificate bundle</source>
      <translation>Nơi ghi gói chứng nhận cho máy xã</translation>
    </message>
    <message>
      <source>nothing yet</source>
      <translation>chưa có</translation>
    </message>
    <message>
      <source>{waiting} (a bundle missing from {gaps} laptop(s))</source>
      <translation>{waiting} (thiếu gói của {gaps} máy)</translation>
    </message>
    <message>
      <source>Commune</source>
      <translation>Xã/phường</translation>
    </message>
    <message>
      <source>Last bundle</source>
      <translation>Gói gần nhất</translation>
    </message>
    <message>
      <source>Waiting for a missing bundle</source>
      <translation>Chờ gói còn thiếu</translation>
    </message>
    <message>
      <source>Refused</source>
      <translation>Bị từ chối</translation>
    </message>
    <message>
      <source>Alert</source>
      <translation>Cảnh báo</translation>
    </message>
    <message>
      <source>Content digest</source>
      <translation>Mã băm nội dung</translation>
    </message>
    <message>
      <source>Choose a commune in the list first.</source>
      <translation>Hãy chọn một xã trong danh sách trước.</translation>
    </message>
    <message>
      <source>Writing the report…</source>
      <translation>Đang ghi báo cáo…</translation>
    </message>
    <message>
      <source>Writing bundles…</source>
      <translation>Đang ghi các gói…</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Tệp</translation>
    </message>
    <message>
      <source>Laptop</source>
      <translation>Máy</translation>
    </message>
    <message>
      <source>Counters</source>
      <translation>Số thứ tự</translation>
    </message>
    <message>
      <source>Fingerprint</source>
      <translation>Dấu vân tay</translation>
    </message>
    <message>
      <source>Certificate until</source>
      <translation>Chứng nhận đến</translation>
    </message>
    <message>
      <source>Revoked</source>
      <translation>Thu hồi lúc</translation>
    </message>
    <message>
      <source>Enrolled. Send this file to the laptop: {path}</source>
      <translation>Đã đăng ký. Gửi tệp này về máy xã: {path}</translation>
    </message>
    <message>
      <source>wrong signature, altered, or a laptop not enrolled</source>
      <translation>sai chữ ký, bị sửa, hoặc máy chưa đăng ký</translation>
    </message>
    <message>
      <source>cut short</source>
      <translation>bị cắt cụt</translation>
    </message>
    <message>
      <source>damaged or altered inside</source>
      <translation>bị hỏng hoặc bị sửa bên trong</translation>
    </message>
    <message>
      <source>counters already received with other content</source>
      <translation>trùng số thứ tự đã nhận nhưng khác nội dung</translation>
    </message>
    <message>
      <source>records outside its commune</source>
      <translation>dữ liệu ngoài phạm vi xã</translation>
    </message>
    <message>
      <source>the laptop was revoked</source>
      <translation>máy đã bị thu hồi</translation>
    </message>
    <message>
      <source>the laptop's certificate has ended</source>
      <translation>chứng nhận của máy đã hết hạn</translation>
    </message>
    <message>
      <source>too large</source>
      <translation>quá lớn</translation>
    </message>
    <message>
      <source>malformed content, or not a CTXH Desk bundle</source>
      <translation>nội dung sai định dạng, hoặc không phải gói CTXH Desk</translation>
    </message>
    <message>
      <source>does not open with this hub's key (for another device, or its header damaged)</source>
      <translation>không mở được bằng khóa của máy chủ (gửi cho máy khác, hoặc phần đầu tệp bị hỏng)</translation>
    </message>
    <message>
      <source>does not follow the laptop's previous bundle (copied back from a backup?)</source>
      <translation>không nối tiếp gói trước của máy (máy bị chép lại bản sao lưu cũ?)</translation>
    </message>
    <message>
      <source>its audit trail was edited or cut (it does not continue what it sent before)</source>
      <translation>nhật ký truy cập bị sửa hoặc cắt bớt (không nối tiếp những gì máy đã gửi trước)</translation>
    </message>
    <message>
      <source>an error of the program (logged)</source>
      <translation>lỗi của chương trình (đã ghi nhật ký)</translation>
    </message>
    <message>
      <source>restored from a backup: {names}</source>
      <translation>khôi phục từ bản sao lưu: {names}</translation>
    </message>
    <message>
      <source>{n} case(s) of people who moved were opened in their new commune.</source>
      <translation>Đã mở {n} hồ sơ của người chuyển nơi ở tại xã/phường mới.</translation>
    </message>
    <message>
      <source>{name}: receipt code {code} (up to change {through}) — read it to the commune, who sees the same once they import the province's bundle</source>
      <translation>{name}: mã xác nhận {code} (đến thay đổi số {through}) — đọc cho xã qua điện thoại; xã thấy đúng mã này khi nhập gói của tỉnh</translation>
    </message>
    <message>
      <source>Saved to {path}.</source>
      <translation>Đã lưu vào {path}.</translation>
    </message>
    <message>
      <source>{n} bundle(s) written to {folder}.</source>
      <translation>Đã ghi {n} gói vào {folder}.</translation>
    </message>
    <message>
      <source>Report of {n} commune(s) written to {path}.</source>
      <translation>Đã ghi báo cáo {n} xã vào {path}.</translation>
    </message>
    <message>
      <source>Same CCCD</source>
      <translation>Cùng số CCCD</translation>
    </message>
    <message>
      <source>Same name and birth date</source>
      <translation>Cùng họ tên và ngày sinh</translation>
    </message>
    <message>
      <source>Probable</source>
      <translation>Có thể trùng</translation>
    </message>
    <message>
      <source>Search the province</source>
      <translation>Tìm trong toàn tỉnh</translation>
    </message>
    <message>
      <source>Search the province after importing the communes' bundles.</source>
      <translation>Tìm trong toàn tỉnh sau khi nhập gói của các xã.</translation>
    </message>
    <message>
      <source>Different people</source>
      <translation>Hai người khác nhau</translation>
    </message>
    <message>
      <source>Searching the province…</source>
      <translation>Đang tìm trong toàn tỉnh…</translation>
    </message>
    <message>
      <source>{n} pairs to decide; {both} people are paid an allowance by both communes.</source>
      <translation>{n} cặp cần quyết định; {both} người đang được cả hai xã chi trả trợ cấp.</translation>
    </message>
    <message>
      <source>Gender</source>
      <translation>Giới tính</translation>
    </message>
    <message>
      <source>Guardian</source>
      <translation>Người giám hộ</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>Địa chỉ</translation>
    </message>
    <message>
      <source>Allowance this month</source>
      <translation>Trợ cấp tháng này</translation>
    </message>
    <message>
      <source>Same person: {commune} keeps her</source>
      <translation>Cùng một người: {commune} giữ hồ sơ</translation>
    </message>
    <message>
      <source>Paid twice</source>
      <translation>Chi trả hai nơi</translation>
    </message>
    <message>
      <source>Kind of pair</source>
      <translation>Loại trùng</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>Điểm</translation>
    </message>
    <message>
      <source>Evidence (bits for and against)</source>
      <translation>Căn cứ (điểm cộng và trừ)</translation>
    </message>
    <message>
      <source>Score: {score} (a probable match from 12.5)</source>
      <translation>Điểm: {score} (từ 12,5 là có thể trùng)</translation>
    </message>
    <message>
      <source>Decided. Both communes hear of it in the next bundles you write back.</source>
      <translation>Đã quyết định. Hai xã nhận được trong gói trả về lần tới.</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>Có</translation>
    </message>
    <message>
      <source>Paid</source>
      <translation>Đang hưởng</translation>
    </message>
    <message>
      <source>Not paid</source>
      <translation>Không hưởng</translation>
    </message>
    <message>
      <source>Your account may read this list, not change it</source>
      <translation>Tài khoản của bạn chỉ xem, không sửa danh sách này</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>Thêm</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>Sửa</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Xóa</translation>
    </message>
    <message>
      <source>The list as it is now (search, filters, sort) on paper or as PDF, with a preview first</source>
      <translation>In danh sách đúng như đang hiện (tìm kiếm, bộ lọc, sắp xếp) ra giấy hoặc PDF, có xem trước</translation>
    </message>
    <message>
      <source>Show all</source>
      <translation>Hiện tất cả</translation>
    </message>
    <message>
      <source>Search the list (Ctrl+F)</source>
      <translation>Tìm trong danh sách (Ctrl+F)</translation>
    </message>
    <message>
      <source>The first {n} rows; export the list to Excel for all of them.</source>
      <translation>{n} dòng đầu; xuất Excel để có toàn bộ danh sách.</translation>
    </message>
    <message>
      <source>more than {count} records</source>
      <translation>hơn {count} bản ghi</translation>
    </message>
    <message>
      <source>{count} records</source>
      <translation>{count} bản ghi</translation>
    </message>
    <message>
      <source>Add a record (Ctrl+N)</source>
      <translation>Thêm mới (Ctrl+N)</translation>
    </message>
    <message>
      <source>Edit the selected row</source>
      <translation>Sửa dòng đang chọn</translation>
    </message>
    <message>
      <source>Delete the selected row (Delete); it can be undone</source>
      <translation>Xóa dòng đang chọn (phím Delete); có thể hoàn tác</translation>
    </message>
    <message>
      <source>Target {year}: at least {value} — {note}</source>
      <translation>Mục tiêu {year}: tối thiểu {value} — {note}</translation>
    </message>
    <message>
      <source>P1 · The commune has social-work staff paid at least the base salary</source>
      <translation>P1 · Xã có người làm CTXH, phụ cấp không thấp hơn mức lương cơ sở</translation>
    </message>
    <message>
      <source>P2 · Facilities in the master plan offering CTXH services</source>
      <translation>P2 · Cơ sở trong quy hoạch cung cấp dịch vụ CTXH</translation>
    </message>
    <message>
      <source>P3 · People in hardship counselled or supported, against the baseline year</source>
      <translation>P3 · Người gặp khó khăn được tư vấn, trợ giúp so với năm gốc</translation>
    </message>
    <message>
      <source>P4 · Social-work staff and collaborators trained</source>
      <translation>P4 · Người làm CTXH và cộng tác viên đã qua đào tạo, bồi dưỡng</translation>
    </message>
    <message>
      <source>P5 · Priority children supported</source>
      <translation>P5 · Trẻ em thuộc nhóm ưu tiên được hỗ trợ</translation>
    </message>
    <message>
      <source>Social-work collaborators in the commune</source>
      <translation>Cộng tác viên CTXH của xã</translation>
    </message>
    <message>
      <source>{n} social-work staff on the period's last day; every collaborator must be paid at least the base salary</source>
      <translation>{n} người làm CTXH vào ngày cuối kỳ; mọi cộng tác viên phải được phụ cấp không thấp hơn mức lương cơ sở</translation>
    </message>
    <message>
      <source>{n} people this period, {base} in the baseline year</source>
      <translation>{n} người trong kỳ, {base} người năm gốc</translation>
    </message>
    <message>
      <source>{part} of {whole}</source>
      <translation>{part} trên {whole}</translation>
    </message>
    <message>
      <source>No target set for this province</source>
      <translation>Chưa có mục tiêu cho tỉnh này</translation>
    </message>
    <message>
      <source>{what} — {period}: {n} record(s)</source>
      <translation>{what} — {period}: {n} bản ghi</translation>
    </message>
    <message>
      <source>Met</source>
      <translation>Đạt</translation>
    </message>
    <message>
      <source>Not met</source>
      <translation>Chưa đạt</translation>
    </message>
    <message>
      <source>{n} people this period; no baseline yet (enter it under Reports › Baseline figures)</source>
      <translation>{n} người trong kỳ; chưa có số liệu năm gốc (nhập ở Báo cáo › Số liệu năm gốc)</translation>
    </message>
    <message>
      <source>nothing to count in this period</source>
      <translation>kỳ này chưa có gì để tính</translation>
    </message>
    <message>
      <source>Show the records behind this number</source>
      <translation>Xem các bản ghi tạo nên con số này</translation>
    </message>
    <message>
      <source>previous period: {value}</source>
      <translation>kỳ trước: {value}</translation>
    </message>
    <message>
      <source>{n} collaborators</source>
      <translation>{n} cộng tác viên</translation>
    </message>
    <message>
      <source>{opened} opened and {closed} closed in the period</source>
      <translation>{opened} tiếp nhận mới và {closed} kết thúc trong kỳ</translation>
    </message>
    <message>
      <source>to {n} people</source>
      <translation>cho {n} người</translation>
    </message>
    <message>
      <source>{n} person-attendances</source>
      <translation>{n} lượt người tham gia</translation>
    </message>
    <message>
      <source>Figures of {label} ({start} – {end}), counted as the records stood then. The commune's own screen shows exact numbers; reports sent out show 1 to 4 people as “&lt;5”.</source>
      <translation>Số liệu {label} ({start} – {end}), tính theo hồ sơ như tại thời điểm đó. Màn hình của xã hiện số chính xác; báo cáo gửi đi ghi số từ 1 đến 4 người là «&lt;5».</translation>
    </message>
    <message>
      <source>Social-work staff and collaborators on the period's last day</source>
      <translation>Người làm CTXH và cộng tác viên vào ngày cuối kỳ</translation>
    </message>
    <message>
      <source>Cases open on the period's last day</source>
      <translation>Hồ sơ đang quản lý vào ngày cuối kỳ</translation>
    </message>
    <message>
      <source>Services delivered in the period</source>
      <translation>Lượt dịch vụ đã cung cấp trong kỳ</translation>
    </message>
    <message>
      <source>Classes ended in the period</source>
      <translation>Lớp đào tạo, tập huấn kết thúc trong kỳ</translation>
    </message>
    <message>
      <source>meets the target</source>
      <translation>đạt mục tiêu</translation>
    </message>
    <message>
      <source>below the target</source>
      <translation>chưa đạt mục tiêu</translation>
    </message>
    <message>
      <source>Facility or service provider</source>
      <translation>Cơ sở cung cấp dịch vụ</translation>
    </message>
    <message>
      <source>Baseline figure</source>
      <translation>Số liệu năm gốc</translation>
    </message>
    <message>
      <source>Half-year and yearly report (TT 02/2020)</source>
      <translation>Báo cáo 6 tháng, năm (TT 02/2020)</translation>
    </message>
    <message>
      <source>Program 112 indicators (P1–P5)</source>
      <translation>Chỉ tiêu Chương trình 112 (P1–P5)</translation>
    </message>
    <message>
      <source>Social-work workforce</source>
      <translation>Đội ngũ người làm CTXH</translation>
    </message>
    <message>
      <source>Report</source>
      <translation>Báo cáo</translation>
    </message>
    <message>
      <source>Facilities and service providers</source>
      <translation>Cơ sở cung cấp dịch vụ</translation>
    </message>
    <message>
      <source>Baseline figures</source>
      <translation>Số liệu năm gốc</translation>
    </message>
    <message>
      <source>Save as Excel…</source>
      <translation>Lưu thành Excel…</translation>
    </message>
    <message>
      <source>Is a printed form or report genuine, and does it still match the record? Open a photo or scan of it</source>
      <translation>Biểu mẫu, báo cáo đã in có đúng bản gốc và còn khớp hồ sơ không? Mở ảnh chụp hoặc bản quét của nó</translation>
    </message>
    <message>
      <source>Double-click a figure to see the records behind it</source>
      <translation>Nháy đúp vào một chỉ tiêu để xem các bản ghi tạo nên nó</translation>
    </message>
    <message>
      <source>{unit} — {label}, from {start} to {end} (compared with {previous})</source>
      <translation>{unit} — {label}, từ {start} đến {end} (so với {previous})</translation>
    </message>
    <message>
      <source>This screen shows exact figures. The Excel and PDF files, which leave the commune, show counts of 1 to 4 people in hardship as “&lt;5”.</source>
      <translation>Màn hình này hiện số chính xác. Tệp Excel và PDF gửi ra ngoài xã ghi số từ 1 đến 4 người gặp khó khăn là «&lt;5».</translation>
    </message>
    <message>
      <source>Save the report</source>
      <translation>Lưu báo cáo</translation>
    </message>
    <message>
      <source>Program 112's P2 counts the facilities in the province's master plan that offer social-work services, of all those in the plan. A case's referrals can name them.</source>
      <translation>Chỉ tiêu 2 của Chương trình 112 tính số cơ sở thuộc quy hoạch có cung cấp dịch vụ CTXH trên tổng số cơ sở trong quy hoạch. Khi chuyển tuyến một hồ sơ có thể chọn cơ sở trong danh sách này.</translation>
    </message>
    <message>
      <source>Choose a facility in the list first.</source>
      <translation>Hãy chọn một cơ sở trong danh sách trước.</translation>
    </message>
    <message>
      <source>Edit the facility</source>
      <translation>Sửa thông tin cơ sở</translation>
    </message>
    <message>
      <source>Add a facility or service provider</source>
      <translation>Thêm cơ sở cung cấp dịch vụ</translation>
    </message>
    <message>
      <source>Remove “{name}” from the register? Referrals that name it keep its name.</source>
      <translation>Xóa «{name}» khỏi danh sách? Các lần chuyển tuyến đã ghi tên cơ sở này vẫn giữ tên.</translation>
    </message>
    <message>
      <source>P3 measures the people counselled or supported against a baseline year (2020 for the 2025 target). When the records here do not reach back to it, enter that year's figure with its source, e.g. the commune's report of that year.</source>
      <translation>Chỉ tiêu 3 so sánh số người được tư vấn, trợ giúp với năm gốc (năm 2020 cho mục tiêu 2025). Nếu dữ liệu trên máy chưa có từ năm đó, hãy nhập số liệu của năm gốc kèm nguồn, ví dụ báo cáo năm đó của xã.</translation>
    </message>
    <message>
      <source>Figure</source>
      <translation>Chỉ tiêu</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>Đơn vị tính</translation>
    </message>
    <message>
      <source>This period</source>
      <translation>Kỳ này</translation>
    </message>
    <message>
      <source>Previous period</source>
      <translation>Kỳ trước</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>Mục tiêu</translation>
    </message>
    <message>
      <source>Basis</source>
      <translation>Căn cứ</translation>
    </message>
    <message>
      <source>Report:</source>
      <translation>Báo cáo:</translation>
    </message>
    <message>
      <source>Facility name</source>
      <translation>Tên cơ sở</translation>
    </message>
    <message>
      <source>Kind of facility</source>
      <translation>Loại cơ sở</translation>
    </message>
    <message>
      <source>In the master plan</source>
      <translation>Thuộc quy hoạch</translation>
    </message>
    <message>
      <source>Offers CTXH services</source>
      <translation>Cung cấp dịch vụ CTXH</translation>
    </message>
    <message>
      <source>Since</source>
      <translation>Từ ngày</translation>
    </message>
    <message>
      <source>Closed on</source>
      <translation>Ngừng hoạt động</translation>
    </message>
    <message>
      <source>Indicator</source>
      <translation>Chỉ tiêu</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Năm</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Nguồn số liệu</translation>
    </message>
    <message>
      <source>Add a baseline figure</source>
      <translation>Thêm số liệu năm gốc</translation>
    </message>
    <message>
      <source>The report is being computed.</source>
      <translation>Đang tính báo cáo.</translation>
    </message>
    <message>
      <source>No</source>
      <translation>Không</translation>
    </message>
    <message>
      <source>Personal details</source>
      <translation>Thông tin cá nhân</translation>
    </message>
    <message>
      <source>Work</source>
      <translation>Công việc</translation>
    </message>
    <message>
      <source>Qualifications</source>
      <translation>Trình độ, chứng chỉ</translation>
    </message>
    <message>
      <source>Social-work staff and collaborators</source>
      <translation>Đội ngũ cán bộ và cộng tác viên CTXH</translation>
    </message>
    <message>
      <source>Personal page</source>
      <translation>Hồ sơ cá nhân</translation>
    </message>
    <message>
      <source>Export Excel…</source>
      <translation>Xuất Excel…</translation>
    </message>
    <message>
      <source>Choose the roster workbook</source>
      <translation>Chọn tệp danh sách đội ngũ</translation>
    </message>
    <message>
      <source>Save the roster as</source>
      <translation>Lưu danh sách đội ngũ thành</translation>
    </message>
    <message>
      <source>roster.xlsx</source>
      <translation>danh-sach-doi-ngu.xlsx</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>Đang xuất…</translation>
    </message>
    <message>
      <source>Add to the roster</source>
      <translation>Thêm vào danh sách đội ngũ</translation>
    </message>
    <message>
      <source>Deleted “{name}” from the roster.</source>
      <translation>Đã xóa «{name}» khỏi danh sách đội ngũ.</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Loại nhân lực</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>Chức vụ</translation>
    </message>
    <message>
      <source>Education</source>
      <translation>Trình độ</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Điện thoại</translation>
    </message>
    <message>
      <source>The roster is empty. Press “Add” to enter the first staff member or collaborator.</source>
      <translation>Danh sách đội ngũ còn trống. Bấm «Thêm» để nhập cán bộ hoặc cộng tác viên đầu tiên.</translation>
    </message>
    <message>
      <source>Search by name, citizen ID or phone (diacritics optional)…</source>
      <translation>Tìm theo tên, CCCD hoặc số điện thoại (gõ có dấu hay không dấu đều được)…</translation>
    </message>
    <message>
      <source>Edit roster entry</source>
      <translation>Sửa thông tin cán bộ, cộng tác viên</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Xuất dữ liệu</translation>
    </message>
    <message>
      <source>Saved {workers} people and {attendances} training attendances to {path}</source>
      <translation>Đã lưu {workers} người và {attendances} lượt tập huấn vào {path}</translation>
    </message>
    <message>
      <source>This laptop</source>
      <translation>Máy này</translation>
    </message>
    <message>
      <source>Remembered answers</source>
      <translation>Giá trị đã xếp</translation>
    </message>
    <message>
      <source>Larger letters everywhere in the window, from the next start</source>
      <translation>Chữ to hơn ở mọi nơi trong cửa sổ, từ lần mở sau</translation>
    </message>
    <message>
      <source>never</source>
      <translation>chưa lần nào</translation>
    </message>
    <message>
      <source>Back up now</source>
      <translation>Sao lưu ngay</translation>
    </message>
    <message>
      <source>Back up to a folder or USB stick…</source>
      <translation>Sao lưu vào thư mục hoặc USB…</translation>
    </message>
    <message>
      <source>Restore from a backup…</source>
      <translation>Khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
      <source>Backups are encrypted with this laptop's key: only this laptop, or the province with its recovery sheet, can open them.</source>
      <translation>Bản sao lưu được mã hóa bằng khóa của máy này: chỉ máy này, hoặc tỉnh với phiếu khôi phục, mở được.</translation>
    </message>
    <message>
      <source>Backing up…</source>
      <translation>Đang sao lưu…</translation>
    </message>
    <message>
      <source>Back up to a folder or USB stick</source>
      <translation>Sao lưu vào thư mục hoặc USB</translation>
    </message>
    <message>
      <source>Restore from a backup</source>
      <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
      <source>Province</source>
      <translation>Tỉnh/thành phố</translation>
    </message>
    <message>
      <source>Signed in as</source>
      <translation>Người đăng nhập</translation>
    </message>
    <message>
      <source>Data folder</source>
      <translation>Thư mục dữ liệu</translation>
    </message>
    <message>
      <source>Database version</source>
      <translation>Phiên bản cơ sở dữ liệu</translation>
    </message>
    <message>
      <source>Reference data</source>
      <translation>Dữ liệu danh mục</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>Ngôn ngữ</translation>
    </message>
    <message>
      <source>Normal</source>
      <translation>Bình thường</translation>
    </message>
    <message>
      <source>Larger</source>
      <translation>To hơn</translation>
    </message>
    <message>
      <source>Largest</source>
      <translation>To nhất</translation>
    </message>
    <message>
      <source>Text size</source>
      <translation>Cỡ chữ</translation>
    </message>
    <message>
      <source>Version</source>
      <translation>Phiên bản</translation>
    </message>
    <message>
      <source>minutes</source>
      <translation>phút</translation>
    </message>
    <message>
      <source>Lock after no use for</source>
      <translation>Tự khóa khi không dùng sau</translation>
    </message>
    <message>
      <source>Backups</source>
      <translation>Bản sao lưu</translation>
    </message>
    <message>
      <source>Restored. CTXH Desk will now close; open it again.</source>
      <translation>Đã khôi phục. CTXH Desk sẽ đóng lại; hãy mở lại.</translation>
    </message>
    <message>
      <source>administrative units of {units}; code lists of {codes}</source>
      <translation>đơn vị hành chính bản {units}; danh mục bản {codes}</translation>
    </message>
    <message>
      <source>Replace this laptop's data with the backup {path}? The data now is kept as a backup first. CTXH Desk closes afterwards; open it again and sign in.</source>
      <translation>Thay dữ liệu của máy này bằng bản sao lưu {path}? Dữ liệu hiện tại được giữ lại thành một bản sao lưu trước. Sau đó CTXH Desk đóng lại; hãy mở lại và đăng nhập.</translation>
    </message>
    <message>
      <source>The new language applies the next time CTXH Desk starts.</source>
      <translation>Ngôn ngữ mới sẽ được áp dụng từ lần mở CTXH Desk tiếp theo.</translation>
    </message>
    <message>
      <source>The new text size applies the next time CTXH Desk starts.</source>
      <translation>Cỡ chữ mới được áp dụng từ lần mở CTXH Desk sau.</translation>
    </message>
    <message>
      <source>Backed up and checked: {path}</source>
      <translation>Đã sao lưu và kiểm tra: {path}</translation>
    </message>
    <message>
      <source>Backed up, encrypted and checked: {path}</source>
      <translation>Đã sao lưu, mã hóa và kiểm tra: {path}</translation>
    </message>
    <message>
      <source>no. {n}</source>
      <translation>số {n}</translation>
    </message>
    <message>
      <source>⚠ No bundle from the province for {days} days (more than {limit}). Revocations and new forms may not be reaching this laptop: ask the province for a fresh bundle.</source>
      <translation>⚠ Đã {days} ngày không nhận được gói nào của tỉnh (quá {limit} ngày). Thông báo thu hồi máy và biểu mẫu mới có thể chưa đến máy này: hãy đề nghị tỉnh gửi gói mới.</translation>
    </message>
    <message>
      <source>⚠ The province found two different copies of this laptop's data (was a backup copied back by hand?). This laptop now sends everything again under a new series: export a bundle and send it to the province.</source>
      <translation>⚠ Tỉnh phát hiện hai bản dữ liệu khác nhau của máy này (có phải đã chép đè bản sao lưu bằng tay?). Máy đã chuyển sang chuỗi gửi mới và sẽ gửi lại toàn bộ dữ liệu: hãy xuất gói và gửi cho tỉnh.</translation>
    </message>
    <message>
      <source>Send to the province</source>
      <translation>Gửi lên tỉnh/huyện</translation>
    </message>
    <message>
      <source>Another folder…</source>
      <translation>Thư mục khác…</translation>
    </message>
    <message>
      <source>Export bundle</source>
      <translation>Xuất gói dữ liệu</translation>
    </message>
    <message>
      <source>Cards: this laptop and those it trusts</source>
      <translation>Thẻ: của máy này và các thẻ máy này tin cậy</translation>
    </message>
    <message>
      <source>This laptop's card…</source>
      <translation>Thẻ của máy này…</translation>
    </message>
    <message>
      <source>Show this laptop's fingerprint and save its card for the province</source>
      <translation>Xem dấu vân tay của máy này và lưu thẻ để gửi tỉnh</translation>
    </message>
    <message>
      <source>Trust a card…</source>
      <translation>Tin cậy một thẻ…</translation>
    </message>
    <message>
      <source>Install the province's card, or another laptop of this commune's, from a file: its fingerprint is read over the phone first</source>
      <translation>Cài thẻ của tỉnh, hoặc của máy khác cùng xã, từ tệp: đọc dấu vân tay qua điện thoại trước</translation>
    </message>
    <message>
      <source>Receive</source>
      <translation>Nhận</translation>
    </message>
    <message>
      <source>Import bundles…</source>
      <translation>Nhập gói…</translation>
    </message>
    <message>
      <source>Conflicts ({n})</source>
      <translation>Xung đột ({n})</translation>
    </message>
    <message>
      <source>Where to write the bundle</source>
      <translation>Nơi ghi gói dữ liệu</translation>
    </message>
    <message>
      <source>Writing and checking…</source>
      <translation>Đang ghi và kiểm tra…</translation>
    </message>
    <message>
      <source>Bundles to import</source>
      <translation>Các gói cần nhập</translation>
    </message>
    <message>
      <source>CTXH bundles (*.age);;All files (*)</source>
      <translation>Gói CTXH (*.age);;Mọi tệp (*)</translation>
    </message>
    <message>
      <source>Write to</source>
      <translation>Ghi vào</translation>
    </message>
    <message>
      <source>Bundles written and received</source>
      <translation>Các gói đã gửi và đã nhận</translation>
    </message>
    <message>
      <source>{when}, up to no. {seq}</source>
      <translation>{when}, đến số {seq}</translation>
    </message>
    <message>
      <source>nothing confirmed yet</source>
      <translation>chưa xác nhận</translation>
    </message>
    <message>
      <source>{n} — receipt code {code} (the district reads the same on its screen)</source>
      <translation>{n} — mã xác nhận {code} (huyện/tỉnh đọc được đúng mã này trên màn hình)</translation>
    </message>
    <message>
      <source>not installed: ask the province for its card, then “Trust a card…” below</source>
      <translation>chưa cài: xin thẻ của tỉnh, rồi bấm «Tin cậy một thẻ…» bên dưới</translation>
    </message>
    <message>
      <source>none</source>
      <translation>chưa có</translation>
    </message>
    <message>
      <source>{days} day(s) ago (a warning after {limit})</source>
      <translation>{days} ngày trước (cảnh báo khi quá {limit} ngày)</translation>
    </message>
    <message>
      <source>none received yet</source>
      <translation>chưa nhận được gói nào</translation>
    </message>
    <message>
      <source>⚠ The province's set no. {n} was altered on this computer and is not used; the app's own forms are in use until the province sends it again.</source>
      <translation>⚠ Bộ biểu mẫu số {n} của tỉnh đã bị sửa trên máy này nên không được dùng; đang dùng biểu mẫu có sẵn của phần mềm cho tới khi tỉnh gửi lại.</translation>
    </message>
    <message>
      <source>Write the changes not sent yet, encrypted for the province</source>
      <translation>Ghi các thay đổi chưa gửi, đã mã hóa cho tỉnh</translation>
    </message>
    <message>
      <source>USB: {path}</source>
      <translation>USB: {path}</translation>
    </message>
    <message>
      <source>No USB stick found: choose a folder</source>
      <translation>Không thấy USB: hãy chọn thư mục</translation>
    </message>
    <message>
      <source>Direction</source>
      <translation>Chiều</translation>
    </message>
    <message>
      <source>Changes</source>
      <translation>Số thay đổi</translation>
    </message>
    <message>
      <source>written and checked</source>
      <translation>đã ghi và kiểm tra</translation>
    </message>
    <message>
      <source>applied</source>
      <translation>đã áp dụng</translation>
    </message>
    <message>
      <source>already had it</source>
      <translation>đã có từ trước</translation>
    </message>
    <message>
      <source>waiting for an earlier bundle</source>
      <translation>chờ gói trước</translation>
    </message>
    <message>
      <source>quarantined</source>
      <translation>cách ly</translation>
    </message>
    <message>
      <source>refused</source>
      <translation>bị từ chối</translation>
    </message>
    <message>
      <source>Changes the province has not confirmed</source>
      <translation>Thay đổi tỉnh chưa xác nhận</translation>
    </message>
    <message>
      <source>Changes not exported yet</source>
      <translation>Thay đổi chưa xuất</translation>
    </message>
    <message>
      <source>Last export</source>
      <translation>Lần xuất gần nhất</translation>
    </message>
    <message>
      <source>Confirmed by the province up to</source>
      <translation>Tỉnh đã xác nhận đến số</translation>
    </message>
    <message>
      <source>Newest bundle from the province</source>
      <translation>Gói mới nhất của tỉnh</translation>
    </message>
    <message>
      <source>Province (hub) card</source>
      <translation>Thẻ của tỉnh (máy chủ)</translation>
    </message>
    <message>
      <source>Other laptops of this commune</source>
      <translation>Các máy khác của xã</translation>
    </message>
    <message>
      <source>Forms and code lists</source>
      <translation>Biểu mẫu và danh mục</translation>
    </message>
    <message>
      <source>the province's set no. {n}</source>
      <translation>bộ số {n} của tỉnh</translation>
    </message>
    <message>
      <source>those shipped with the app</source>
      <translation>có sẵn trong phần mềm</translation>
    </message>
    <message>
      <source>First trust the province's card (“Trust a card…” below): a bundle is encrypted for it</source>
      <translation>Trước hết hãy tin cậy thẻ của tỉnh («Tin cậy một thẻ…» bên dưới): gói dữ liệu được mã hóa cho tỉnh</translation>
    </message>
    <message>
      <source>Nothing new to send: every change is already in a bundle</source>
      <translation>Không có gì mới để gửi: mọi thay đổi đã có trong gói</translation>
    </message>
    <message>
      <source>sent</source>
      <translation>gửi đi</translation>
    </message>
    <message>
      <source>received</source>
      <translation>nhận về</translation>
    </message>
    <message>
      <source>Written and checked: {n} changes in {files} file(s) in {folder}. The stick can be removed safely.</source>
      <translation>Đã ghi và kiểm tra: {n} thay đổi trong {files} tệp tại {folder}. Có thể rút USB an toàn.</translation>
    </message>
    <message>
      <source>Nothing new to send.</source>
      <translation>Không có thay đổi mới để gửi.</translation>
    </message>
    <message>
      <source>{file}: refused — {why}</source>
      <translation>{file}: từ chối — {why}</translation>
    </message>
    <message>
      <source>{file}: already imported</source>
      <translation>{file}: đã nhập trước đây</translation>
    </message>
    <message>
      <source>{file}: {applied} applied, {conflicts} conflict(s), {waiting} waiting</source>
      <translation>{file}: áp dụng {applied}, {conflicts} xung đột, {waiting} chờ</translation>
    </message>
    <message>
      <source>Overdue ({n})</source>
      <translation>Quá hạn ({n})</translation>
    </message>
    <message>
      <source>Due soon ({n})</source>
      <translation>Sắp đến hạn ({n})</translation>
    </message>
    <message>
      <source>Approvals ({n})</source>
      <translation>Chờ phê duyệt ({n})</translation>
    </message>
    <message>
      <source>No contact ({n})</source>
      <translation>Lâu chưa liên lạc ({n})</translation>
    </message>
    <message>
      <source>Values to place ({n})</source>
      <translation>Giá trị cần xếp mã ({n})</translation>
    </message>
    <message>
      <source>Province notices ({n})</source>
      <translation>Thông báo của tỉnh ({n})</translation>
    </message>
    <message>
      <source>more than {count}</source>
      <translation>hơn {count}</translation>
    </message>
    <message>
      <source>Beneficiary</source>
      <translation>Đối tượng</translation>
    </message>
    <message>
      <source>Double-click to choose the codes</source>
      <translation>Bấm đúp để chọn mã</translation>
    </message>
    <message>
      <source>Open the person's case and choose the level under Target groups</source>
      <translation>Mở hồ sơ của người này và chọn mức ở mục Nhóm đối tượng</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>Làm mới</translation>
    </message>
    <message>
      <source>The province's decision</source>
      <translation>Quyết định của tỉnh</translation>
    </message>
    <message>
      <source>{name}: {what}.
Evidence: {evidence}

Mark it done?</source>
      <translation>{name}: {what}.
Căn cứ: {evidence}

Đánh dấu đã xử lý?</translation>
    </message>
    <message>
      <source>The other commune keeps her: end her decision here, then mark it done</source>
      <translation>Xã kia giữ hồ sơ: hãy thôi hưởng ở xã mình rồi đánh dấu đã xử lý</translation>
    </message>
    <message>
      <source>She stays on this commune's list: the other commune ends its decision</source>
      <translation>Vẫn hưởng tại xã mình: xã kia thôi chi trả</translation>
    </message>
    <message>
      <source>Two different people: nothing to do</source>
      <translation>Hai người khác nhau: không cần làm gì</translation>
    </message>
    <message>
      <source>double-click when done</source>
      <translation>bấm đúp khi đã xử lý</translation>
    </message>
    <message>
      <source>Show more</source>
      <translation>Xem thêm</translation>
    </message>
    <message>
      <source>The list shows the most urgent first; this adds the next ones</source>
      <translation>Danh sách hiện việc gấp nhất trước; bấm để xem tiếp</translation>
    </message>
    <message>
      <source>Due in the next 3 working days ({n})</source>
      <translation>Đến hạn trong 3 ngày làm việc tới ({n})</translation>
    </message>
    <message>
      <source>Waiting for the chair's approval ({n})</source>
      <translation>Chờ Chủ tịch UBND xã phê duyệt ({n})</translation>
    </message>
    <message>
      <source>No contact for a month ({n})</source>
      <translation>Không liên lạc quá 1 tháng ({n})</translation>
    </message>
    <message>
      <source>Values from imported lists still to place in a code list ({n})</source>
      <translation>Giá trị nhập từ danh sách còn chờ xếp vào danh mục ({n})</translation>
    </message>
    <message>
      <source>The province found these people in another commune too ({n})</source>
      <translation>Tỉnh thấy những người này cũng có ở xã khác ({n})</translation>
    </message>
    <message>
      <source>Double-click a row or press Enter to open it.</source>
      <translation>Bấm đúp vào một dòng hoặc nhấn Enter để mở.</translation>
    </message>
    <message>
      <source>Asked</source>
      <translation>Ngày trình</translation>
    </message>
    <message>
      <source>Approve by</source>
      <translation>Hạn phê duyệt</translation>
    </message>
    <message>
      <source>Last contact</source>
      <translation>Lần liên lạc cuối</translation>
    </message>
    <message>
      <source>List</source>
      <translation>Danh sách</translation>
    </message>
    <message>
      <source>What to do</source>
      <translation>Việc cần làm</translation>
    </message>
    <message>
      <source>Decided on</source>
      <translation>Ngày quyết định</translation>
    </message>
    <message>
      <source>Other commune</source>
      <translation>Xã kia</translation>
    </message>
    <message>
      <source>Person with a disability (Art. 5 cl. 6): choose severe or extremely severe</source>
      <translation>Người khuyết tật (khoản 6 Điều 5): cần chọn khuyết tật nặng hay đặc biệt nặng</translation>
    </message>
    <message>
      <source>Attendees…</source>
      <translation>Học viên…</translation>
    </message>
    <message>
      <source>Import class list…</source>
      <translation>Nhập danh sách học viên…</translation>
    </message>
    <message>
      <source>A course's list of attendees: each one found on the roster is recorded</source>
      <translation>Danh sách học viên của một lớp: người có trong danh sách đội ngũ được ghi nhận</translation>
    </message>
    <message>
      <source>Choose the class list</source>
      <translation>Chọn tệp danh sách học viên</translation>
    </message>
    <message>
      <source>Deleted course “{title}”.</source>
      <translation>Đã xóa lớp «{title}».</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>Trình độ</translation>
    </message>
    <message>
      <source>Organiser</source>
      <translation>Đơn vị tổ chức</translation>
    </message>
    <message>
      <source>To</source>
      <translation>Đến ngày</translation>
    </message>
    <message>
      <source>Attendees</source>
      <translation>Số học viên</translation>
    </message>
    <message>
      <source>No training courses recorded yet. Press “Add” to record a course.</source>
      <translation>Chưa có lớp tập huấn nào. Bấm «Thêm» để ghi một lớp.</translation>
    </message>
    <message>
      <source>Search courses…</source>
      <translation>Tìm lớp tập huấn…</translation>
    </message>
    <message>
      <source>Add a training course</source>
      <translation>Thêm lớp tập huấn</translation>
    </message>
    <message>
      <source>Edit training course</source>
      <translation>Sửa lớp tập huấn</translation>
    </message>
    <message>
      <source>{courses} courses held, {attendances} person-attendances, {people} different people trained.</source>
      <translation>{courses} lớp đã tổ chức, {attendances} lượt người tham gia, {people} người khác nhau được tập huấn.</translation>
    </message>
    <message>
      <source>When a list writes a value the same way again, the answer given once is applied without asking. Forget a wrong answer here: the next list will ask again.</source>
      <translation>Khi một danh sách ghi lại một giá trị y như lần trước, câu trả lời đã chọn được áp dụng mà không hỏi lại. Nếu đã chọn nhầm, hãy bỏ câu trả lời đó ở đây: lần nhập sau sẽ hỏi lại.</translation>
    </message>
    <message>
      <source>Forget this answer</source>
      <translation>Bỏ câu trả lời này</translation>
    </message>
    <message>
      <source>Code list</source>
      <translation>Danh mục</translation>
    </message>
    <message>
      <source>Placed in</source>
      <translation>Đã xếp vào</translation>
    </message>
    <message>
      <source>On</source>
      <translation>Ngày</translation>
    </message>
    <message>
      <source>Kept as written</source>
      <translation>Giữ nguyên như trong tệp</translation>
    </message>
    <message>
      <source>Print preview</source>
      <translation>Xem trước khi in</translation>
    </message>
    <message>
      <source>Keep as written (do not ask again)</source>
      <translation>Giữ nguyên như trong tệp (không hỏi lại)</translation>
    </message>
    <message>
      <source>— choose later (kept as written) —</source>
      <translation>— chọn sau (giữ nguyên như trong tệp) —</translation>
    </message>
    <message>
      <source>★ the closest codes to what the file says</source>
      <translation>★ các mã gần nhất với chữ trong tệp</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>Hoàn tác</translation>
    </message>
    <message>
      <source>Collaborators in the commune</source>
      <translation>Cộng tác viên CTXH của xã</translation>
    </message>
    <message>
      <source>Staff and collaborators trained</source>
      <translation>Tỷ lệ cán bộ, cộng tác viên đã qua đào tạo</translation>
    </message>
    <message>
      <source>Collaborators paid at least the base salary</source>
      <translation>Cộng tác viên có phụ cấp ≥ lương cơ sở</translation>
    </message>
    <message>
      <source>On {day}</source>
      <translation>Ngày {day}</translation>
    </message>
    <message>
      <source>{trained} of the {total} social-work staff and collaborators on {day}</source>
      <translation>{trained} trên {total} người làm CTXH và cộng tác viên vào ngày {day}</translation>
    </message>
    <message>
      <source>Target: at least {n} per commune ({note}) {mark}</source>
      <translation>Mục tiêu: tối thiểu {n} người mỗi xã ({note}) {mark}</translation>
    </message>
    <message>
      <source>No target set</source>
      <translation>Chưa có chỉ tiêu</translation>
    </message>
    <message>
      <source>Nobody is on the roster as social-work staff yet.</source>
      <translation>Danh sách chưa có người làm CTXH nào.</translation>
    </message>
    <message>
      <source>No collaborators on the roster.</source>
      <translation>Danh sách chưa có cộng tác viên nào.</translation>
    </message>
    <message>
      <source>{paid} of {total}</source>
      <translation>{paid} trên {total}</translation>
    </message>
    <message>
      <source>collaborators paid at least the base salary in force on {day} ({amount})</source>
      <translation>cộng tác viên được phụ cấp không thấp hơn mức lương cơ sở áp dụng ngày {day} ({amount})</translation>
    </message>
    <message>
      <source>Target {year}: at least {share:.0%} ({note})</source>
      <translation>Mục tiêu {year}: tối thiểu {share:.0%} ({note})</translation>
    </message>
    <message>
      <source>Something went wrong inside the program; nothing more was changed. It was logged as incident {incident} (the log holds no personal data).</source>
      <translation>Chương trình gặp lỗi nội bộ; không có gì thay đổi thêm. Đã ghi nhật ký với mã sự cố {incident} (nhật ký không chứa dữ liệu cá nhân).</translation>
    </message>
    <message>
      <source>A file in clear</source>
      <translation>Tệp không mã hóa</translation>
    </message>
    <message>
      <source>The file will hold personal data without encryption (names, birth dates, circumstances). Save it only where it is safe, give it only to whom the law allows, and delete it when it is no longer needed. Go on?</source>
      <translation>Tệp sẽ chứa dữ liệu cá nhân không được mã hóa (họ tên, ngày sinh, hoàn cảnh). Chỉ lưu ở nơi an toàn, chỉ giao cho người được pháp luật cho phép, và xóa khi không còn cần. Tiếp tục?</translation>
    </message>
    <message>
      <source>Calendar year</source>
      <translation>Cả năm (1/1–31/12)</translation>
    </message>
    <message>
      <source>First half-year (15/12–14/6)</source>
      <translation>6 tháng đầu năm (15/12–14/6)</translation>
    </message>
    <message>
      <source>Second half-year (15/6–14/12)</source>
      <translation>6 tháng cuối năm (15/6–14/12)</translation>
    </message>
    <message>
      <source>Reporting year (15/12–14/12)</source>
      <translation>Năm báo cáo (15/12–14/12)</translation>
    </message>
    <message>
      <source>Quarter {n}</source>
      <translation>Quý {n}</translation>
    </message>
    <message>
      <source>Month {n}</source>
      <translation>Tháng {n}</translation>
    </message>
    <message>
      <source>Other days…</source>
      <translation>Khoảng ngày khác…</translation>
    </message>
    <message>
      <source>from {start} to {end}</source>
      <translation>từ {start} đến {end}</translation>
    </message>
    <message>
      <source>Period:</source>
      <translation>Kỳ báo cáo:</translation>
    </message>
  </context>
</TS>
