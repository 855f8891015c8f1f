package io.sigil.bench;

/** A realistic identity policy of about 6 KB: many statements with actions, resources and conditions. */
final class SixKbPolicy {
    private SixKbPolicy() {}

    static String text() {
        StringBuilder sb = new StringBuilder("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n");
        int i = 0;
        while (sb.length() < 5800) {
            String svc = PolicyGenerator.SERVICES[i % PolicyGenerator.SERVICES.length];
            sb.append(i == 0 ? "" : ",\n")
              .append("    {\"Sid\": \"S").append(i).append("\", \"Effect\": \"Allow\", \"Action\": [\"")
              .append(svc).append(":Get*\", \"").append(svc).append(":List*\"], \"Resource\": \"arn:aws:")
              .append(svc).append(":us-east-1:123456789012:thing/team-").append(i).append("/*\", ")
              .append("\"Condition\": {\"StringEquals\": {\"aws:PrincipalTag/team\": \"team-").append(i)
              .append("\"}}}");
            i++;
        }
        return sb.append("\n  ]\n}\n").toString();
    }
}
