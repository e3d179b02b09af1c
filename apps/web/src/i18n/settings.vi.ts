/** Notification preferences, reminder rules, publication and dashboard targets — Vietnamese. */
export const settingsVi = {
  settings: {
    save: 'Lưu thay đổi',
    saved: 'Đã lưu.',
    unsaved: 'Có thay đổi chưa lưu.',
    reset: 'Hoàn tác',
    notSavedYet: 'Đang dùng mặc định (chưa lưu lần nào).',
    updatedAt: 'Cập nhật lần cuối lúc {{time}}',
    preferences: {
      title: 'Nhận thông báo',
      intro:
        'Thông báo trong ứng dụng (biểu tượng chuông) luôn bật. Bạn có thể nhận thêm qua e-mail và tin nhắn SMS các thông báo văn bản khẩn và nhắc hạn xử lý.',
      inApp: 'Trong ứng dụng',
      inAppHint: 'Luôn bật, không thể tắt.',
      email: 'E-mail',
      emailTo: 'Gửi tới {{address}}',
      sms: 'Tin nhắn SMS',
      smsTo: 'Gửi tới số {{phone}}',
      noEmail:
        'Tài khoản chưa có địa chỉ e-mail. Đề nghị quản trị hệ thống bổ sung trước khi bật kênh này.',
      noPhone:
        'Tài khoản chưa có số điện thoại. Đề nghị quản trị hệ thống bổ sung trước khi bật kênh này.',
      emailUnavailable: 'Máy chủ chưa được cấu hình gửi e-mail (SMTP).',
      smsUnavailable: 'Máy chủ chưa được cấu hình cổng gửi SMS.',
      channels: 'Kênh nhận thông báo',
      quiet: 'Giờ yên tĩnh',
      quietSwitch: 'Không gửi e-mail, SMS trong giờ yên tĩnh',
      quietHint:
        'Tính theo giờ Việt Nam. E-mail và SMS rơi vào giờ yên tĩnh được gửi khi hết giờ; thông báo trong ứng dụng vẫn đến ngay.',
      quietStart: 'Từ',
      quietEnd: 'Đến',
      overnight: 'Kéo sang sáng hôm sau.',
      urgent: 'Vẫn gửi ngay văn bản thượng khẩn, hỏa tốc trong giờ yên tĩnh',
      errors: {
        quietStart: 'Nhập giờ bắt đầu (GG:PP).',
        quietEnd: 'Nhập giờ kết thúc (GG:PP).',
        quietSame: 'Giờ bắt đầu và kết thúc không được trùng nhau.',
      },
    },
    reminders: {
      title: 'Cài đặt nhắc việc',
      link: 'Cài đặt nhắc việc',
      intro:
        'Quy tắc nhắc hạn xử lý văn bản đến và nhiệm vụ của cơ quan (Văn phòng theo dõi, đôn đốc việc giải quyết văn bản theo Nghị định 30/2020/NĐ-CP, Điều 24). Ngày tính theo ngày làm việc.',
      offsets: 'Nhắc trước hạn',
      offsetsHint:
        'Số ngày làm việc trước hạn xử lý, tối đa {{count}} mốc, mỗi mốc từ {{min}} đến {{max}} ngày.',
      offsetChip: '{{days}} ngày trước hạn',
      removeOffset: 'Bỏ mốc {{days}} ngày',
      noOffsets: 'Không nhắc trước hạn.',
      newOffset: 'Số ngày',
      addOffset: 'Thêm mốc',
      onDueDay: 'Nhắc vào ngày đến hạn',
      dailyOverdue: 'Nhắc hằng ngày khi quá hạn',
      escalate: 'Báo lãnh đạo giao việc khi quá hạn',
      escalateAfter: 'Sau số ngày làm việc quá hạn',
      remindAt: 'Giờ gửi nhắc việc trong ngày',
      remindAtHint: 'Giờ Việt Nam; nhắc việc của một ngày được gửi từ giờ này.',
      offsetErrors: {
        range: 'Nhập số nguyên từ {{min}} đến {{max}}.',
        duplicate: 'Mốc này đã có.',
        full: 'Tối đa {{count}} mốc.',
      },
    },
    publication: {
      title: 'Nội dung công khai của cơ quan',
      intro:
        'Chọn những nội dung cơ quan công khai trên trang công khai (không cần đăng nhập). Chỉ các mục được đánh dấu công khai mới hiển thị; không bao giờ hiển thị nội dung mật.',
      agency: 'Cơ quan',
      showTasks: 'Nhiệm vụ được Thành phố giao',
      showTasksHint: 'Cơ quan chủ trì, hạn, tiến độ và trạng thái; không hiển thị tên cá nhân.',
      showSchedule: 'Lịch công tác tuần',
      showScheduleHint: 'Lãnh đạo trực và các mục công khai của các tuần đã công bố.',
      showOnTimeRates: 'Tỷ lệ xử lý văn bản đúng hạn',
      showOnTimeRatesHint: 'Theo tháng, chỉ tính văn bản không mật.',
      readOnly:
        'Chỉ lãnh đạo cơ quan (người đứng đầu) hoặc quản trị hệ thống của cơ quan được thay đổi nội dung công khai.',
      openPublic: 'Xem trang công khai',
    },
    targets: {
      title: 'Chỉ tiêu hồ sơ xử lý trực tuyến',
      link: 'Chỉ tiêu',
      intro:
        'Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng cần đạt theo từng cấp (phần trăm). Để trống nếu cấp đó không có chỉ tiêu. Chỉ quản trị hệ thống cấp Thành phố được thay đổi.',
      tier: 'Cấp',
      percent: 'Chỉ tiêu (%)',
      source: 'Nguồn',
      sources: { default: 'Mặc định', configured: 'Đã đặt' },
      none: 'Không có',
      invalid: 'Nhập số nguyên từ 0 đến 100.',
    },
    agencyMenu: 'Cài đặt cơ quan',
    errors: {
      emailMissing:
        'Tài khoản của bạn chưa có địa chỉ e-mail. Đề nghị quản trị hệ thống bổ sung rồi bật lại.',
      phoneMissing:
        'Tài khoản của bạn chưa có số điện thoại. Đề nghị quản trị hệ thống bổ sung rồi bật lại.',
      channelUnavailable:
        'Máy chủ chưa được cấu hình để gửi qua kênh này (e-mail hoặc SMS). Liên hệ quản trị hệ thống.',
      remindersForbidden:
        'Chỉ quản trị, văn thư và lãnh đạo của cơ quan được thay đổi cài đặt nhắc việc.',
      publicationForbidden:
        'Chỉ lãnh đạo cơ quan hoặc quản trị hệ thống của cơ quan được thay đổi nội dung công khai.',
      agencyNotFound: 'Không tìm thấy cơ quan.',
      targetsForbidden: 'Chỉ quản trị hệ thống cấp Thành phố được thay đổi chỉ tiêu.',
    },
  },
};

export type SettingsMessages = typeof settingsVi;
