// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

// Forwarding header: SseEvent and SseDecoder live in core/common/sse.h (so core/translate
// needs no providers header). Kept for code outside core/providers that still includes this
// path (tests/translate); new code includes core/common/sse.h.
#include "core/common/sse.h"

namespace Switchyard::Providers {
using Switchyard::SseDecoder;
using Switchyard::SseEvent;
} // namespace Switchyard::Providers
