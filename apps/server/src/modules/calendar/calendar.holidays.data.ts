import type { CalendarException } from './calendar.models.js';

/**
 * Built-in exceptions to the Monday–Friday week of state agencies, used for a year until an
 * administrator saves that year's calendar (PUT /api/calendar/:year).
 *
 * Labour Code 2019 Art. 112(1): Tết Dương lịch 1 day (1/1), Tết Âm lịch 5 days, Ngày Chiến thắng
 * 1 day (30/4), Ngày Quốc tế lao động 1 day (1/5), Quốc khánh 2 days (2/9 and one day before or
 * after), Giỗ Tổ Hùng Vương 1 day (10/3 âm lịch). Art. 111(3): a holiday falling on the weekly rest
 * day is taken on the next working day. Art. 112(3): the Prime Minister fixes the Tết days and the
 * day next to 2/9 each year; swaps (hoán đổi) move a working day to a Saturday that is worked.
 *
 * Only days that change a day's status are listed: weekday holidays and worked weekend days.
 * Lunar dates were computed with Hồ Ngọc Đức's algorithm for UTC+7 and match the official notices:
 * Tết 29/1/2025, 17/2/2026, 6/2/2027; 10/3 âm lịch 7/4/2025, 26/4/2026 (Sunday), 16/4/2027.
 *
 * Not included: Ngày Văn hóa Việt Nam (24/11). Politburo Resolution 80-NQ/TW (7/1/2026) makes it a
 * paid day off once Art. 112 is amended (Government Resolution 30/NQ-CP, 2026, tasks the
 * amendment); add it through the API for the years in which the amended Code is in force.
 */
export const builtinCalendarDays: Readonly<Record<number, readonly CalendarException[]>> = {
  // 2025: Prime Minister's decision in Government Office letter 8726/VPCP-KGVX (26/11/2024),
  // announced to agencies by the Ministry of Labour, Invalids and Social Affairs.
  2025: [
    { day: '2025-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
    // Tết Ất Tỵ: 9 days off from Saturday 25/1 (26 tháng Chạp) to Sunday 2/2 (mùng 5 tháng Giêng).
    { day: '2025-01-27', kind: 'holiday', name: 'Tết Nguyên đán (28 tháng Chạp)' },
    { day: '2025-01-28', kind: 'holiday', name: 'Tết Nguyên đán (29 tháng Chạp)' },
    { day: '2025-01-29', kind: 'holiday', name: 'Tết Nguyên đán (mùng 1 tháng Giêng)' },
    { day: '2025-01-30', kind: 'holiday', name: 'Tết Nguyên đán (mùng 2 tháng Giêng)' },
    { day: '2025-01-31', kind: 'holiday', name: 'Tết Nguyên đán (mùng 3 tháng Giêng)' },
    { day: '2025-04-07', kind: 'holiday', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    // Swap: Friday 2/5 off, worked on Saturday 26/4, for 5 days off from 30/4 to 4/5.
    { day: '2025-04-26', kind: 'working_day', name: 'Làm bù cho ngày nghỉ thứ Sáu 02/5/2025' },
    { day: '2025-04-30', kind: 'holiday', name: 'Ngày Chiến thắng (30/4)' },
    { day: '2025-05-01', kind: 'holiday', name: 'Ngày Quốc tế Lao động (1/5)' },
    {
      day: '2025-05-02',
      kind: 'holiday',
      name: 'Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 26/4)',
    },
    // Quốc khánh: 2/9 and the day before it, 4 days off from Saturday 30/8 to Tuesday 2/9.
    { day: '2025-09-01', kind: 'holiday', name: 'Quốc khánh (ngày liền kề trước 2/9)' },
    { day: '2025-09-02', kind: 'holiday', name: 'Quốc khánh (2/9)' },
  ],
  // 2026: Tết and Quốc khánh by the Prime Minister's approval of the Ministry of Home Affairs'
  // proposal (reported 13/10/2025); Tết Dương lịch swap approved by Government Office letter of
  // 25/12/2025 and announced by the Ministry of Home Affairs the same day. No swap around 30/4 was
  // announced in the sources we checked.
  2026: [
    { day: '2026-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
    // Swap: Friday 2/1 off, worked on Saturday 10/1, for 4 days off from 1/1 to 4/1.
    {
      day: '2026-01-02',
      kind: 'holiday',
      name: 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/1)',
    },
    { day: '2026-01-10', kind: 'working_day', name: 'Làm bù cho ngày nghỉ thứ Sáu 02/01/2026' },
    // Tết Bính Ngọ: 9 days off from Saturday 14/2 (27 tháng Chạp) to Sunday 22/2 (mùng 6).
    { day: '2026-02-16', kind: 'holiday', name: 'Tết Nguyên đán (29 tháng Chạp)' },
    { day: '2026-02-17', kind: 'holiday', name: 'Tết Nguyên đán (mùng 1 tháng Giêng)' },
    { day: '2026-02-18', kind: 'holiday', name: 'Tết Nguyên đán (mùng 2 tháng Giêng)' },
    { day: '2026-02-19', kind: 'holiday', name: 'Tết Nguyên đán (mùng 3 tháng Giêng)' },
    { day: '2026-02-20', kind: 'holiday', name: 'Tết Nguyên đán (mùng 4 tháng Giêng)' },
    // 10/3 âm lịch is Sunday 26/4: the day off moves to Monday 27/4 (Art. 111(3)).
    {
      day: '2026-04-27',
      kind: 'holiday',
      name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch là Chủ nhật 26/4)',
    },
    { day: '2026-04-30', kind: 'holiday', name: 'Ngày Chiến thắng (30/4)' },
    { day: '2026-05-01', kind: 'holiday', name: 'Ngày Quốc tế Lao động (1/5)' },
    // Quốc khánh: 2/9 and Tuesday 1/9; swap Monday 31/8 off, worked on Saturday 22/8, for 5 days
    // off from Saturday 29/8 to Wednesday 2/9.
    { day: '2026-08-22', kind: 'working_day', name: 'Làm bù cho ngày nghỉ thứ Hai 31/8/2026' },
    {
      day: '2026-08-31',
      kind: 'holiday',
      name: 'Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/8)',
    },
    { day: '2026-09-01', kind: 'holiday', name: 'Quốc khánh (ngày liền kề trước 2/9)' },
    { day: '2026-09-02', kind: 'holiday', name: 'Quốc khánh (2/9)' },
  ],
  // 2027: PROVISIONAL. The Prime Minister had not fixed the Tết days, the day next to 2/9 or any
  // swap in the sources we checked; fixed-date holidays and Art. 111(3) compensation follow from the
  // Code, the rest copies the precedent of a year with the same weekdays. Replace through the API
  // once the Ministry of Home Affairs announces the 2027 arrangement.
  2027: [
    { day: '2027-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
    // Tết Đinh Mùi falls on Saturday 6/2. Provisional, after 2024 (Tết on Saturday 10/2/2024: off
    // Thursday 8/2 to Wednesday 14/2): off Thursday 4/2 (28 tháng Chạp) to Wednesday 10/2 (mùng 5),
    // i.e. 5 Tết days, two of them on the weekend and taken on Tuesday 9/2 and Wednesday 10/2.
    { day: '2027-02-04', kind: 'holiday', name: 'Tết Nguyên đán (28 tháng Chạp) — dự kiến' },
    { day: '2027-02-05', kind: 'holiday', name: 'Tết Nguyên đán (29 tháng Chạp) — dự kiến' },
    { day: '2027-02-08', kind: 'holiday', name: 'Tết Nguyên đán (mùng 3 tháng Giêng) — dự kiến' },
    {
      day: '2027-02-09',
      kind: 'holiday',
      name: 'Nghỉ bù Tết Nguyên đán (mùng 4 tháng Giêng) — dự kiến',
    },
    {
      day: '2027-02-10',
      kind: 'holiday',
      name: 'Nghỉ bù Tết Nguyên đán (mùng 5 tháng Giêng) — dự kiến',
    },
    { day: '2027-04-16', kind: 'holiday', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    { day: '2027-04-30', kind: 'holiday', name: 'Ngày Chiến thắng (30/4)' },
    // 1/5 is a Saturday: the day off moves to Monday 3/5 (Art. 111(3)).
    { day: '2027-05-03', kind: 'holiday', name: 'Nghỉ bù Ngày Quốc tế Lao động (1/5 là thứ Bảy)' },
    { day: '2027-09-02', kind: 'holiday', name: 'Quốc khánh (2/9)' },
    // Provisional, after 2021 (2/9 on a Thursday: Friday 3/9 off): the day after, for 4 days off.
    { day: '2027-09-03', kind: 'holiday', name: 'Quốc khánh (ngày liền kề sau 2/9) — dự kiến' },
  ],
};

/** Built-in exceptions of a year, or null when Vanban ships none for it. */
export function builtinDaysOf(year: number): readonly CalendarException[] | null {
  return builtinCalendarDays[year] ?? null;
}
