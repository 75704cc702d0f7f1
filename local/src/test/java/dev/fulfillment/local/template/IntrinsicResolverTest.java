package dev.fulfillment.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntrinsicResolverTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CloudFormationTemplate TEMPLATE =
      CloudFormationTemplate.load(Path.of("src/test/resources/template/sample.template.json"));
  private static final DefaultLocalNames NAMES = DefaultLocalNames.builder(TEMPLATE)
      .region("eu-west-1").accountId("111122223333").stackName("Shop").sqsEndpoint("http://localhost:9777/").build();

  private final IntrinsicResolver resolver = new IntrinsicResolver(TEMPLATE, NAMES);

  private JsonNode resolve(String json) throws Exception {
    return resolver.resolve(JSON.readTree(json));
  }

  @Test
  void refOfPseudoParametersUsesTheLocalNames() throws Exception {
    assertThat(resolve("""
        [{"Ref":"AWS::Region"},{"Ref":"AWS::AccountId"},{"Ref":"AWS::Partition"},{"Ref":"AWS::URLSuffix"},
         {"Ref":"AWS::StackName"}]""").toString())
        .isEqualTo("[\"eu-west-1\",\"111122223333\",\"aws\",\"amazonaws.com\",\"Shop\"]");
    assertThat(resolver.ref("AWS::StackId")).startsWith("arn:aws:cloudformation:eu-west-1:111122223333:stack/Shop/");
  }

  @Test
  void noValueRemovesThePropertyOrListElementThatHoldsIt() throws Exception {
    assertThat(resolve("{\"keep\":1,\"drop\":{\"Ref\":\"AWS::NoValue\"},\"list\":[1,{\"Ref\":\"AWS::NoValue\"},2]}")
        .toString()).isEqualTo("{\"keep\":1,\"list\":[1,2]}");
    assertThat(resolve("{\"Ref\":\"AWS::NoValue\"}").isMissingNode()).isTrue();
  }

  @Test
  void refOfAResourceIsWhatCloudFormationDocumentsForItsType() {
    assertThat(resolver.ref("Orders")).isEqualTo("Orders");
    assertThat(resolver.ref("Named")).isEqualTo("named-dev");
    assertThat(resolver.ref("Worker")).isEqualTo("Worker");
    assertThat(resolver.ref("WorkerAlias")).isEqualTo("arn:aws:lambda:eu-west-1:111122223333:function:Worker:live");
    assertThat(resolver.ref("WorkerVersion")).isEqualTo("arn:aws:lambda:eu-west-1:111122223333:function:Worker:1");
    assertThat(resolver.ref("Intake")).isEqualTo("http://localhost:9777/111122223333/Intake");
    assertThat(resolver.ref("Flow")).isEqualTo("arn:aws:states:eu-west-1:111122223333:stateMachine:Flow");
    assertThat(resolver.ref("ObjectFlow")).isEqualTo("arn:aws:states:eu-west-1:111122223333:stateMachine:object-flow");
  }

  @Test
  void refOfAParameterIsItsDefaultOrTheGivenValueAndListsAreSplit() throws Exception {
    assertThat(resolver.ref("Stage")).isEqualTo("dev");
    assertThat(resolve("{\"Ref\":\"Zones\"}").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
    assertThat(new IntrinsicResolver(TEMPLATE, NAMES, Map.of("Stage", "prod")).ref("Stage")).isEqualTo("prod");
    assertThatThrownBy(() -> resolver.ref("Secret")).isInstanceOf(UnsupportedTemplateFeature.class)
        .hasMessageContaining("Secret has no Default");
  }

  @Test
  void getAttAcceptsTheListAndTheDottedFormAndARefAsAttributeName() throws Exception {
    assertThat(resolve("{\"Fn::GetAtt\":[\"Orders\",\"Arn\"]}").asText())
        .isEqualTo("arn:aws:dynamodb:eu-west-1:111122223333:table/Orders");
    assertThat(resolve("{\"Fn::GetAtt\":\"Ordered.QueueName\"}").asText()).isEqualTo("Ordered.fifo");
    assertThat(resolve("{\"Fn::GetAtt\":[\"Intake\",\"Arn\"]}").asText())
        .isEqualTo("arn:aws:sqs:eu-west-1:111122223333:Intake");
    assertThat(resolve("{\"Fn::GetAtt\":[\"WorkerVersion\",{\"Fn::Join\":[\"\",[\"Ver\",\"sion\"]]}]}").asText())
        .isEqualTo("1");
    assertThat(resolve("{\"Fn::GetAtt\":[\"Orders\",\"StreamArn\"]}").asText()).startsWith(
        "arn:aws:dynamodb:eu-west-1:111122223333:table/Orders/stream/");
  }

  @Test
  void getAttOfAnUnknownAttributeSaysWhichResourceAndAttribute() {
    assertThatThrownBy(() -> resolver.getAtt("Intake", "Nonsense"))
        .isInstanceOf(UnsupportedTemplateFeature.class)
        .hasMessageContaining("Nonsense of a AWS::SQS::Queue");
  }

  @Test
  void joinConcatenatesWithTheDelimiterIncludingAListFromAnotherFunction() throws Exception {
    assertThat(resolve("{\"Fn::Join\":[\":\",[\"a\",{\"Ref\":\"Stage\"},3]]}").asText()).isEqualTo("a:dev:3");
    assertThat(resolve("{\"Fn::Join\":[\"-\",{\"Fn::Split\":[\",\",\"x,y,z\"]}]}").asText()).isEqualTo("x-y-z");
    assertThat(resolve("{\"Fn::Join\":[\"-\",[]]}").asText()).isEmpty();
  }

  @Test
  void subReplacesParametersResourcesAttributesAndPseudoParametersAndKeepsEscapedLiterals() throws Exception {
    assertThat(resolve("{\"Fn::Sub\":\"${AWS::Region}/${Stage}/${Worker}/${Orders.Arn}/${!Literal}/$plain\"}")
        .asText()).isEqualTo(
            "eu-west-1/dev/Worker/arn:aws:dynamodb:eu-west-1:111122223333:table/Orders/${Literal}/$plain");
  }

  @Test
  void subVariablesFromTheMapWinOverParametersAndMayBeIntrinsics() throws Exception {
    assertThat(resolve("""
        {"Fn::Sub":["${Stage}-${Queue}",{"Stage":"override","Queue":{"Fn::GetAtt":["Intake","QueueName"]}}]}""")
        .asText()).isEqualTo("override-Intake");
  }

  @Test
  void subOfAnUnknownNameFailsWithItsPath() {
    assertThatThrownBy(() -> resolver.resolve(JSON.readTree("{\"Fn::Sub\":\"${Missing}\"}"), "Outputs.X.Value"))
        .isInstanceOf(UnsupportedTemplateFeature.class)
        .satisfies(e -> assertThat(((UnsupportedTemplateFeature) e).path())
            .isEqualTo("Outputs.X.Value.Fn::Sub${Missing}"));
  }

  @Test
  void selectPicksByZeroBasedIndexGivenAsNumberOrStringAndRejectsOutOfRange() throws Exception {
    assertThat(resolve("{\"Fn::Select\":[\"1\",[\"a\",\"b\",\"c\"]]}").asText()).isEqualTo("b");
    assertThat(resolve("{\"Fn::Select\":[2,{\"Fn::Split\":[\"/\",\"p/q/r\"]}]}").asText()).isEqualTo("r");
    assertThat(resolve("{\"Fn::Select\":[0,{\"Fn::GetAZs\":\"\"}]}").asText()).isEqualTo("eu-west-1a");
    assertThatThrownBy(() -> resolve("{\"Fn::Select\":[3,[\"a\",\"b\",\"c\"]]}"))
        .isInstanceOf(UnsupportedTemplateFeature.class).hasMessageContaining("index 3 is outside");
  }

  @Test
  void splitKeepsEmptyPartsLikeCloudFormation() throws Exception {
    assertThat(resolve("{\"Fn::Split\":[\"|\",\"a||b|\"]}").toString()).isEqualTo("[\"a\",\"\",\"b\",\"\"]");
  }

  @Test
  void ifChoosesByTheTemplateConditions() throws Exception {
    assertThat(resolve("{\"Fn::If\":[\"IsDev\",\"yes\",\"no\"]}").asText()).isEqualTo("yes");
    assertThat(resolve("{\"Fn::If\":[\"IsEast\",\"yes\",\"no\"]}").asText()).isEqualTo("no");
    assertThat(resolver.condition("DevInEast")).isFalse();
    assertThat(resolver.condition("NotDev")).isFalse();
    assertThat(resolver.condition("DevOrWest")).isFalse();
    assertThat(new IntrinsicResolver(TEMPLATE, NAMES, Map.of("Stage", "prod")).condition("DevOrWest")).isTrue();
    assertThat(resolve("{\"a\":{\"Fn::If\":[\"IsDev\",{\"Ref\":\"AWS::NoValue\"},1]}}").toString()).isEqualTo("{}");
  }

  @Test
  void findInMapAndBase64() throws Exception {
    assertThat(resolve("{\"Fn::FindInMap\":[\"Sizes\",{\"Ref\":\"Stage\"},\"Memory\"]}").asInt()).isEqualTo(512);
    assertThat(resolve("{\"Fn::Base64\":\"hi\"}").asText()).isEqualTo("aGk=");
  }

  @Test
  void anUnsupportedIntrinsicFailsWithItsPath() {
    assertThatThrownBy(() -> resolver.resolve(JSON.readTree("{\"a\":[{\"Fn::ImportValue\":\"x\"}]}"), "Outputs"))
        .isInstanceOf(UnsupportedTemplateFeature.class)
        .hasMessageContaining("Fn::ImportValue is not supported")
        .satisfies(e -> assertThat(((UnsupportedTemplateFeature) e).path()).isEqualTo("Outputs.a[0].Fn::ImportValue"));
  }

  @Test
  void resolveDefinitionJoinsTheDefinitionStringAndAppliesSubstitutions() throws Exception {
    String definition = resolver.resolveDefinition(TEMPLATE.resource("Flow").orElseThrow());
    JsonNode asl = JSON.readTree(definition);
    assertThat(asl.at("/States/Work/Resource").asText()).isEqualTo("arn:aws:states:::lambda:invoke");
    assertThat(asl.at("/States/Work/Arguments/FunctionName").asText())
        .isEqualTo("arn:aws:lambda:eu-west-1:111122223333:function:Worker:live");
    assertThat(asl.at("/States/Work/Arguments/Payload/table").asText()).isEqualTo("Orders");
  }

  @Test
  void resolveDefinitionSerializesADefinitionObject() throws Exception {
    JsonNode asl = JSON.readTree(resolver.resolveDefinition(TEMPLATE.resource("ObjectFlow").orElseThrow()));
    assertThat(asl.at("/States/Done/Result").asText()).isEqualTo("Intake");
  }

  @Test
  void resolvePropertiesLeavesTheTemplateUntouched() {
    TemplateResource alias = TEMPLATE.resource("WorkerAlias").orElseThrow();
    JsonNode resolved = resolver.resolveProperties(alias);
    assertThat(resolved.path("FunctionName").asText()).isEqualTo("Worker");
    assertThat(resolved.path("FunctionVersion").asText()).isEqualTo("1");
    assertThat(alias.property("FunctionName").has("Ref")).isTrue();
  }
}
