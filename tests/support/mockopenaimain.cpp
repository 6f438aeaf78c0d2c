// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/support/mockmain.h"
#include "tests/support/mockopenaiserver.h"

int main(int argc, char *argv[])
{
    using namespace Switchyard::Testing;
    return runMockMain<MockOpenAiServer>(
        argc, argv,
        {"mock-openai", QStringLiteral("A mock OpenAI chat-completions upstream for tests and benchmarks."),
         QStringLiteral("Fault for every request: None, ServerError500, RateLimited429, InsufficientQuota429, Overloaded503, Hang, DropMidStream, ErrorEventMidStream."),
         QStringLiteral("Expected Bearer key (default: any)."),
         QStringLiteral("Reply with one tool call instead of text."),
         "/v1"});
}
