// Whether this test is built with AddressSanitizer (dev.sh asan, CI's sanitizer step): clang
// says so through __has_feature, gcc through __SANITIZE_ADDRESS__.
#pragma once

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CHANNELDESK_UNDER_ASAN 1
#endif
#endif
#if !defined(CHANNELDESK_UNDER_ASAN) && defined(__SANITIZE_ADDRESS__)
#define CHANNELDESK_UNDER_ASAN 1
#endif

namespace ChannelDesk::Testing {
#ifdef CHANNELDESK_UNDER_ASAN
inline constexpr bool kUnderAsan = true;
#else
inline constexpr bool kUnderAsan = false;
#endif
} // namespace ChannelDesk::Testing
