package org.rogatory.registry.it;

/** Small Avro schemas for the integration tests. */
final class Schemas {
    static final String CASE_V1 = """
        {"type":"record","name":"CaseView","namespace":"org.example","fields":[{"name":"caseId","type":"string"}]}""";
    static final String CASE_V2 = """
        {"type":"record","name":"CaseView","namespace":"org.example","fields":[{"name":"caseId","type":"string"},
         {"name":"status","type":"string","default":"OPEN"}]}""";
    static final String CASE_INCOMPATIBLE = """
        {"type":"record","name":"CaseView","namespace":"org.example","fields":[{"name":"caseId","type":"long"}]}""";
    static final String NODE = """
        {"type":"record","name":"DirectoryEntry","namespace":"org.example","fields":[{"name":"nodeId","type":"string"}]}""";
    static final String INJECT = """
        {"type":"record","name":"Inject","namespace":"org.example","fields":[{"name":"kind","type":"string"}]}""";
    static final String GONE = """
        {"type":"enum","name":"Gone","namespace":"org.example","symbols":["A"]}""";

    private Schemas() {
    }
}
